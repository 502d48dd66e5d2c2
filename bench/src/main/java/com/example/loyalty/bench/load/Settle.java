package com.example.loyalty.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the stack has caught up with the previous path: every outbox relayed and every consumer group at the
 * end of its topics. Without it, a path would be timed while the consumers still work off the events of the one
 * before (an earn path leaves thousands behind), and the numbers would depend on the order of the paths.
 */
public final class Settle {

    private final String bootstrapServers;
    private final List<String> outboxUrls;

    public Settle(String bootstrapServers, List<String> outboxUrls) {
        this.bootstrapServers = bootstrapServers;
        this.outboxUrls = outboxUrls;
    }

    /** Returns the seconds it waited; gives up (and says so) after {@code patience}. */
    public double await(Duration patience) {
        long t0 = System.nanoTime();
        long deadline = t0 + patience.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (System.nanoTime() < deadline) {
                long behind = outboxPending() + consumerLag(admin);
                if (behind == 0) {
                    return (System.nanoTime() - t0) / 1e9;
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.out.println("  (could not check consumer lag: " + e + ")");
        }
        System.out.printf("  (still behind after %d s; timing anyway)%n", patience.toSeconds());
        return (System.nanoTime() - t0) / 1e9;
    }

    private long outboxPending() throws SQLException {
        long pending = 0;
        for (String url : outboxUrls) {
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select count(*) from outbox_event where published_at is null and parked_at is null")) {
                rs.next();
                pending += rs.getLong(1);
            }
        }
        return pending;
    }

    private static long consumerLag(Admin admin) throws Exception {
        long lag = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                if (e.getValue() != null && ends.containsKey(e.getKey())) {
                    lag += Math.max(
                            0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
            }
        }
        return lag;
    }
}
