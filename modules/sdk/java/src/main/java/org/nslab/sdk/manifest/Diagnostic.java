package org.nslab.sdk.manifest;

/**
 * The finding of one named check on a manifest, for the module's author.
 *
 * @param check    the check's name ({@code schema}, {@code semver}, {@code platform-range}, {@code id-ownership},
 *                 {@code entry-host}, {@code entry-integrity}, {@code shaders}, {@code operations}, …)
 * @param severity {@code ERROR} keeps the module out of the catalogue; {@code WARNING} does not
 * @param pointer  JSON Pointer into the manifest ({@code /entry/url}), empty for the whole document
 * @param message  what is wrong and what to do about it
 */
public record Diagnostic(String check, Severity severity, String pointer, String message) {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(String check, String pointer, String message) {
        return new Diagnostic(check, Severity.ERROR, pointer, message);
    }

    public static Diagnostic warning(String check, String pointer, String message) {
        return new Diagnostic(check, Severity.WARNING, pointer, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
