package org.nslab.simulation.corpus;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extraction of readable text from a raw RFC 822 / MIME message (RFC 2045–2047): headers unfolded and
 * dropped except the subject, multipart bodies walked, quoted-printable and base64 decoded with the
 * part's charset, the plain-text alternative preferred over HTML, HTML reduced to its text (scripts,
 * styles and tags removed, entities decoded), attachments dropped. What was done is listed as notes,
 * which the data theatre shows per document.
 */
public final class MailExtractor {

    /** The extracted text (subject line first, then the body) and what extraction did. */
    public record Extraction(String text, List<String> notes) {
    }

    private static final int MAX_DEPTH = 8;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)\"?");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");
    private static final Pattern SCRIPT_STYLE = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?i)<\\s*/?\\s*(br|p|div|tr|li|h[1-6]|table|blockquote)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> ENTITIES = Map.of("nbsp", " ", "amp", "&", "lt", "<", "gt", ">",
            "quot", "\"", "apos", "'", "copy", "©", "reg", "®", "mdash", "—", "ndash", "–");

    private MailExtractor() {
    }

    /** Extracts the text of a message given as its raw bytes. */
    public static Extraction extract(byte[] raw) {
        TreeSet<String> notes = new TreeSet<>();
        Part message = Part.parse(new String(raw, StandardCharsets.ISO_8859_1));
        String subject = decodeHeader(message.header("subject"), notes);
        StringBuilder body = new StringBuilder();
        collect(message, body, notes, 0);
        if (body.toString().isBlank()) {
            notes.add("no-text-body");
        }
        String text = (subject.isBlank() ? "" : subject.trim() + "\n\n") + body.toString().trim();
        return new Extraction(text.trim(), List.copyOf(notes));
    }

    private static void collect(Part part, StringBuilder out, TreeSet<String> notes, int depth) {
        String type = part.mediaType();
        if (type.startsWith("multipart/") && depth < MAX_DEPTH) {
            List<Part> children = part.children();
            if (children.isEmpty()) {
                notes.add("malformed-multipart");
                return;
            }
            if (type.equals("multipart/alternative")) {
                Part chosen = children.stream().filter(c -> c.mediaType().equals("text/plain")).findFirst()
                        .orElse(children.get(children.size() - 1));
                if (children.size() > 1) {
                    notes.add("alternative-chosen");
                }
                collect(chosen, out, notes, depth + 1);
            } else {
                for (Part child : children) {
                    collect(child, out, notes, depth + 1);
                }
            }
            return;
        }
        if (type.equals("message/rfc822") && depth < MAX_DEPTH) {
            collect(Part.parse(part.body), out, notes, depth + 1);
            return;
        }
        boolean attachment = part.header("content-disposition").toLowerCase(Locale.ROOT).startsWith("attachment");
        if (!type.startsWith("text/") || attachment) {
            notes.add("attachment-dropped");
            return;
        }
        String text = decodeBody(part, notes);
        if (type.equals("text/html")) {
            text = htmlToText(text);
            notes.add("html-stripped");
        }
        if (out.length() > 0) {
            out.append("\n\n");
        }
        out.append(text.trim());
    }

    private static String decodeBody(Part part, TreeSet<String> notes) {
        String encoding = part.header("content-transfer-encoding").trim().toLowerCase(Locale.ROOT);
        byte[] bytes;
        if (encoding.equals("base64")) {
            bytes = base64(part.body);
            notes.add("base64-decoded");
        } else if (encoding.equals("quoted-printable")) {
            bytes = quotedPrintable(part.body, false);
            notes.add("quoted-printable-decoded");
        } else {
            bytes = part.body.getBytes(StandardCharsets.ISO_8859_1);
        }
        return decode(bytes, part.charset(), notes);
    }

    private static String decode(byte[] bytes, String charset, TreeSet<String> notes) {
        Charset cs = StandardCharsets.ISO_8859_1;
        if (charset != null) {
            try {
                cs = Charset.forName(charset);
            } catch (IllegalArgumentException unknown) {
                notes.add("unknown-charset");
            }
        } else if (isUtf8(bytes)) {
            cs = StandardCharsets.UTF_8;
        }
        if (!cs.equals(StandardCharsets.ISO_8859_1) && !cs.equals(StandardCharsets.US_ASCII) && !cs.equals(StandardCharsets.UTF_8)) {
            notes.add("charset-" + cs.name().toLowerCase(Locale.ROOT));
        }
        return new String(bytes, cs);
    }

    private static boolean isUtf8(byte[] bytes) {
        boolean high = false;
        for (byte b : bytes) {
            if (b < 0) {
                high = true;
                break;
            }
        }
        if (!high) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** Lenient base64: characters outside the alphabet skipped, decoding stops at padding, a dangling sextet dropped. */
    static byte[] base64(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                break;
            }
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '/')) {
                clean.append(c);
            }
        }
        if (clean.length() % 4 == 1) {
            clean.setLength(clean.length() - 1);
        }
        return Base64.getDecoder().decode(clean.toString());
    }

    static byte[] quotedPrintable(String text, boolean underscoreIsSpace) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=' && i + 1 < text.length()) {
                if (text.charAt(i + 1) == '\n') {
                    i++;
                    continue;
                }
                if (text.charAt(i + 1) == '\r' && i + 2 < text.length() && text.charAt(i + 2) == '\n') {
                    i += 2;
                    continue;
                }
                if (i + 2 < text.length()) {
                    int hi = Character.digit(text.charAt(i + 1), 16);
                    int lo = Character.digit(text.charAt(i + 2), 16);
                    if (hi >= 0 && lo >= 0) {
                        out.write(hi * 16 + lo);
                        i += 2;
                        continue;
                    }
                }
            }
            out.write(underscoreIsSpace && c == '_' ? ' ' : c & 0xff);
        }
        return out.toByteArray();
    }

    /** RFC 2047 encoded words in a header ({@code =?utf-8?Q?...?=}). */
    static String decodeHeader(String value, TreeSet<String> notes) {
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            byte[] bytes;
            try {
                bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
                        : quotedPrintable(m.group(3), true);
            } catch (IllegalArgumentException bad) {
                bytes = m.group().getBytes(StandardCharsets.ISO_8859_1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(decode(bytes, m.group(1), notes)));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\?=\\s+=\\?", "");
    }

    /** HTML to its visible text: scripts, styles and comments removed, block tags as line breaks, entities decoded. */
    public static String htmlToText(String html) {
        String text = COMMENT.matcher(html).replaceAll(" ");
        text = SCRIPT_STYLE.matcher(text).replaceAll(" ");
        text = BLOCK_TAG.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll(" ");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                replacement = codePoint(Integer.parseInt(name.substring(2), 16));
            } else if (name.startsWith("#")) {
                replacement = codePoint(Integer.parseInt(name.substring(1)));
            } else {
                replacement = ENTITIES.getOrDefault(name.toLowerCase(Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : " ";
    }

    /** One MIME entity: unfolded headers (lower-case names) and its raw body. */
    private record Part(Map<String, String> headers, String body) {

        static Part parse(String raw) {
            String text = raw.replace("\r\n", "\n");
            if (text.startsWith("\n")) {
                return new Part(Map.of(), text.substring(1));
            }
            int end = text.indexOf("\n\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 2);
            Map<String, String> headers = new LinkedHashMap<>();
            String name = null;
            for (String line : head.split("\n")) {
                if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) {
                    headers.merge(name, " " + line.trim(), String::concat);
                } else {
                    int colon = line.indexOf(':');
                    if (colon > 0 && !line.startsWith("From ")) {
                        name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                        headers.putIfAbsent(name, line.substring(colon + 1).trim());
                    }
                }
            }
            return new Part(headers, body);
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        String mediaType() {
            String type = header("content-type");
            int semicolon = type.indexOf(';');
            String media = (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
            return media.isEmpty() || !media.contains("/") ? "text/plain" : media;
        }

        String charset() {
            Matcher m = CHARSET.matcher(header("content-type"));
            return m.find() ? m.group(1) : null;
        }

        List<Part> children() {
            Matcher m = BOUNDARY.matcher(header("content-type"));
            if (!m.find()) {
                return List.of();
            }
            String delimiter = "--" + (m.group(1) != null ? m.group(1) : m.group(2));
            List<Part> parts = new ArrayList<>();
            String[] pieces = body.split("(?m)^" + Pattern.quote(delimiter));
            for (int i = 1; i < pieces.length; i++) {
                String piece = pieces[i];
                if (piece.startsWith("--")) {
                    break;
                }
                int newline = piece.indexOf('\n');
                parts.add(parse(newline < 0 ? "" : piece.substring(newline + 1)));
            }
            return parts;
        }
    }
}
