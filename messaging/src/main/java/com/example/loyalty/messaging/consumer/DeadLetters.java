package com.example.loyalty.messaging.consumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Writes the poison records of a batch consumer to their dead-letter topic (channel {@code dead-letters}, the topic
 * named per record): same key and value, the original headers, and the {@code dead-letter-*} headers SmallRye's own
 * dead-letter queue writes. A batch consumer cannot hand single records to the channel's failure strategy (a failed
 * batch is dead-lettered whole, good records with the bad), so it sends its poison records here and acknowledges the
 * batch afterwards.
 */
@ApplicationScoped
public class DeadLetters {

    /** The outgoing channel the dead letters go out on (the topic is set per record). */
    public static final String CHANNEL = "dead-letters";

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /**
     * One record to dead-letter, with why.
     *
     * @param topic  the dead-letter topic, e.g. {@code loyalty-transactions.dlq}
     * @param cause  {@code malformed}, {@code unprocessable} or {@code failed}
     * @param reason what was wrong, for whoever replays it
     */
    public record DeadLetter(ConsumerRecord<String, String> record, String topic, String cause, String reason) {}

    private final MutinyEmitter<String> emitter;

    public DeadLetters(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                    MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Sends the records in order and waits for the broker's acknowledgement of each. */
    public void send(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Uni<Void>> acks = letters.stream().map(this::send).toList();
        Uni.join().all(acks).andFailFast().await().atMost(SEND_TIMEOUT);
    }

    private Uni<Void> send(DeadLetter letter) {
        ConsumerRecord<String, String> r = letter.record();
        RecordHeaders headers = new RecordHeaders();
        for (Header h : r.headers()) {
            headers.add(h);
        }
        headers.add(header("dead-letter-reason", letter.reason() == null ? letter.cause() : letter.reason()));
        headers.add(header("dead-letter-cause", letter.cause()));
        headers.add(header("dead-letter-topic", r.topic()));
        headers.add(header("dead-letter-partition", Integer.toString(r.partition())));
        headers.add(header("dead-letter-offset", Long.toString(r.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(letter.topic())
                .withKey(r.key())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(r.value()).addMetadata(metadata));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
