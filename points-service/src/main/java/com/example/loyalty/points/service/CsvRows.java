package com.example.loyalty.points.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read one record at a time (jackson-dataformat-csv's streaming parser): never more than one record in
 * memory, whatever the size of the file. Each record comes with the line of the file it starts on (the header is line
 * 1; a quoted value may span lines). UTF-8, with or without a byte order mark; empty lines and lines of empty values
 * are skipped.
 */
public final class CsvRows implements Closeable {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    /** One record: its line and its values (trimmed; an empty value is {@code null}). */
    public record Row(long line, List<String> values) {}

    /** The file is not CSV (or not UTF-8) from some point on; rows before it were read fine. */
    public static final class MalformedCsvException extends IOException {
        MalformedCsvException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final JsonParser parser;
    private boolean started;
    private boolean finished;

    private CsvRows(JsonParser parser) {
        this.parser = parser;
    }

    public static CsvRows open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            skipByteOrderMark(in);
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CsvParser parser = (CsvParser)
                    MAPPER.getFactory().createParser(new BufferedReader(new InputStreamReader(in, decoder)));
            parser.setSchema(CsvSchema.emptySchema());
            return new CsvRows(parser);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void skipByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF)) {
            in.reset();
        }
    }

    /** The next record that holds a value, or {@code null} at the end of the file. */
    public Row next() throws MalformedCsvException {
        try {
            while (true) {
                Row row = nextRecord();
                if (row == null || row.values().stream().anyMatch(v -> v != null)) {
                    return row;
                }
            }
        } catch (MalformedCsvException e) {
            throw e;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " near line " + e.getLocation().getLineNr();
            throw new MalformedCsvException("malformed CSV" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedCsvException("unreadable CSV (it must be UTF-8): " + e.getMessage(), e);
        }
    }

    private Row nextRecord() throws IOException {
        if (finished) {
            return null;
        }
        if (!started) {
            started = true;
            // WRAP_AS_ARRAY: the whole file is one array of records
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                finished = true;
                return null;
            }
        }
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_ARRAY) {
            finished = true;
            return null;
        }
        List<String> values = new ArrayList<>();
        long line = -1;
        while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
            if (line < 0) {
                line = parser.currentTokenLocation().getLineNr();
            }
            String value = parser.getText().strip();
            values.add(value.isEmpty() ? null : value);
        }
        if (token != JsonToken.END_ARRAY) {
            throw new MalformedCsvException("unexpected " + token + " in a CSV record", null);
        }
        return new Row(line, values);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
