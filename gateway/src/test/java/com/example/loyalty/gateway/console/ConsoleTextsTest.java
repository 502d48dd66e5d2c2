package com.example.loyalty.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's texts: both languages have the same keys, and every key the console's code names literally
 * ({@code t('member.title')}) is in both, so no screen shows a bare key in either language. Keys the code builds
 * (`ledger.${kind}`) are left to the browser tests.
 */
class ConsoleTextsTest {

    private static final Path CONSOLE = Path.of("src/main/resources/META-INF/resources/console");
    private static final Pattern LITERAL_KEY = Pattern.compile("\\bt\\('([A-Za-z0-9_.]+)'");
    private static final Set<String> PLURALS = Set.of("_one", "_other");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(keys("en"), keys("ja"));
    }

    @Test
    void everyKeyTheCodeNamesIsInBothLanguages() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".js") && !f.startsWith(CONSOLE.resolve("locales")))
                    .toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertTrue(named.size() > 200, "keys found in the code: " + named.size());
        for (String language : new String[] {"en", "ja"}) {
            Set<String> keys = keys(language);
            Set<String> missing = new TreeSet<>();
            for (String key : named) {
                if (!keys.contains(key) && PLURALS.stream().noneMatch(p -> keys.contains(key + p))) {
                    missing.add(key);
                }
            }
            assertEquals(Set.of(), missing, "keys missing in " + language);
        }
    }

    /** The dotted keys of a locale module ({@code export default {...};}, JSON inside). */
    private static Set<String> keys(String language) throws IOException {
        String module = Files.readString(CONSOLE.resolve("locales/" + language + ".js"));
        String json =
                module.substring(module.indexOf('{', module.indexOf("export default")), module.lastIndexOf('}') + 1);
        Set<String> keys = new TreeSet<>();
        collect("", new ObjectMapper().readTree(json), keys);
        return keys;
    }

    private static void collect(String prefix, JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(prefix + field.getKey() + (field.getValue().isObject() ? "." : ""), field.getValue(), keys);
            }
        } else {
            keys.add(prefix);
        }
    }
}
