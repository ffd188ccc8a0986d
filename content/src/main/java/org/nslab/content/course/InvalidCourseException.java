package org.nslab.content.course;

import java.util.List;
import java.util.stream.Collectors;

/** The course cannot be used; every problem names its file and item. */
public class InvalidCourseException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidCourseException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the course content:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
