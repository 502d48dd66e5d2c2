package com.example.loyalty.messaging.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/** What a failed send of one outbox row means for that row. */
enum SendFailures {
    /** Can never pass (the record is too large, the topic name is invalid): park the row at once. */
    PERMANENT,
    /** Kafka says try again (broker away, leader moving, timeout): keep the row in line, count nothing. */
    RETRIABLE,
    /** Anything else: count the attempt; park the row once it has failed {@link OutboxConfig#maxAttempts()} times. */
    COUNTED;

    static SendFailures classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException
                    || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException
                    || t instanceof SerializationException
                    || t instanceof InvalidRecordException) {
                return PERMANENT;
            }
            if (t instanceof RetriableException) {
                return RETRIABLE;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return COUNTED;
    }

    /** One line for the row's {@code last_error} and the log. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t instanceof org.apache.kafka.common.KafkaException) {
                break;
            }
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 1000 ? text.substring(0, 999) + "…" : text;
    }
}
