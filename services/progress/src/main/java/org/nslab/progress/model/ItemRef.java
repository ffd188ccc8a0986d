package org.nslab.progress.model;

/** A course item a learner met: kind (level, station, stage, component, chapter, experiment, path, view, …), id and level (or null). */
public record ItemRef(String kind, String id, Integer level) {
}
