package org.nslab.content.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nslab.content.repository.ReleaseRepository.ItemRow;
import org.nslab.content.repository.ReleaseRepository.ProseRow;
import org.nslab.content.repository.ReleaseRepository.Release;

/** One release in memory, with locale fallback: the locale asked, then its language, then the default. */
public final class ReleaseSnapshot {

    private final Release release;
    private final Map<String, List<ItemRow>> byKind;
    private final Map<String, ItemRow> byKey;
    private final Map<String, Map<String, String>> prose;
    private final Map<String, String> quizOfTarget;

    private ReleaseSnapshot(ReleaseSnapshot items, Release release) {
        this.release = release;
        this.byKind = items.byKind;
        this.byKey = items.byKey;
        this.prose = items.prose;
        this.quizOfTarget = items.quizOfTarget;
    }

    public ReleaseSnapshot(Release release, List<ItemRow> items, List<ProseRow> proseRows) {
        this.release = release;
        this.byKind = new LinkedHashMap<>();
        this.byKey = new LinkedHashMap<>();
        this.prose = new LinkedHashMap<>();
        this.quizOfTarget = new LinkedHashMap<>();
        for (ItemRow item : items) {
            byKind.computeIfAbsent(item.kind(), k -> new ArrayList<>()).add(item);
            byKey.put(item.kind() + ":" + item.id(), item);
            if (item.kind().equals("quiz")) {
                JsonNode target = item.data().path("target");
                quizOfTarget.put(target.path("kind").asText() + ":" + target.path("id").asText(), item.id());
            }
        }
        for (ProseRow row : proseRows) {
            prose.computeIfAbsent(row.kind() + ":" + row.id(), k -> new LinkedHashMap<>()).put(row.locale(), row.markdown());
        }
    }

    /** The same items with the release's current state (whether it is active). */
    public ReleaseSnapshot withRelease(Release current) {
        return new ReleaseSnapshot(this, current);
    }

    public Release release() {
        return release;
    }

    public List<ItemRow> items(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    public Optional<ItemRow> item(String kind, String id) {
        return Optional.ofNullable(byKey.get(kind + ":" + id));
    }

    public String quizFor(String kind, String id) {
        return quizOfTarget.get(kind + ":" + id);
    }

    /** The locales tried for {@code locale}, most specific first: de-AT, de, then the default. */
    public List<String> fallbacks(String locale) {
        List<String> chain = new ArrayList<>();
        if (locale != null) {
            chain.add(locale);
            int dash = locale.indexOf('-');
            if (dash > 0) {
                chain.add(locale.substring(0, dash));
            }
        }
        chain.add(release.defaultLocale());
        return chain;
    }

    /** A localized short text ({@code {en: …, de: …}}) in the best available locale. */
    public String text(JsonNode localized, String locale) {
        for (String candidate : fallbacks(locale)) {
            if (localized.hasNonNull(candidate)) {
                return localized.get(candidate).asText();
            }
        }
        return null;
    }

    public String prose(String kind, String id, String locale) {
        Map<String, String> byLocale = prose.getOrDefault(kind + ":" + id, Map.of());
        for (String candidate : fallbacks(locale)) {
            if (byLocale.containsKey(candidate)) {
                return byLocale.get(candidate);
            }
        }
        return null;
    }
}
