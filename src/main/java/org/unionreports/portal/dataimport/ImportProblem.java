package org.unionreports.portal.dataimport;

/** What is wrong with one cell of an imported file: its line, its column, and a sentence for people. */
public record ImportProblem(int line, String column, String message) {
}
