-- The trace of the request that wrote an outbox row (W3C trace context of the span current at the write), so that the
-- relay, which sends the row later on its own thread, sends it as part of that trace: its Kafka "publish" span is a
-- child of the stored span and the record carries a traceparent header of the same trace, which consumers continue.
-- Null for rows written outside any trace (tracing disabled) and for rows from before this migration.
-- traceparent: version 00 is exactly 55 characters; tracestate: W3C asks to keep at least 512, longer ones are
-- not stored (TraceContexts.MAX_TRACESTATE).
ALTER TABLE outbox_event
    ADD COLUMN traceparent VARCHAR(55),
    ADD COLUMN tracestate  VARCHAR(512);
