package org.nslab.sdk.manifest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Subresource Integrity values ({@code sha384-<base64>}), as browsers check them on {@code <script integrity>}. */
public final class Integrity {

    private Integrity() {
    }

    public static String sha384(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-384").digest(content);
            return "sha384-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-384", e);
        }
    }

    /** Whether the content matches the expected value, compared in constant time. */
    public static boolean matches(String expected, byte[] content) {
        return expected != null && MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                sha384(content).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
