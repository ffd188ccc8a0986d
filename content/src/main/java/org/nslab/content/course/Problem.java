package org.nslab.content.course;

/** Something wrong in the course: the file, the id of the item (or empty) and what is wrong. */
public record Problem(String file, String id, String message) {

    @Override
    public String toString() {
        return file + (id.isEmpty() ? "" : " [" + id + "]") + ": " + message;
    }
}
