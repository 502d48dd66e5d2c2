package com.example.loyalty.community.rest;

import static com.example.loyalty.community.CommunityApi.getPost;
import static com.example.loyalty.community.CommunityApi.newPost;
import static com.example.loyalty.community.CommunityApi.newSpace;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.community.CommunityApi;
import com.example.loyalty.community.CommunityApi.Member;
import com.example.loyalty.testing.Concurrently;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ViewCountTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void concurrentReadersAreCountedExactlyOnceAfterTheFold() throws Exception {
        CommunityApi api = new CommunityApi(dataSource);
        Member author = api.member();
        String post = newPost(author, newSpace(), "DISCUSSION");
        List<Member> readers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            readers.add(api.member());
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (Member r : readers) {
            // each reader reads three times at once: one unique view of today
            for (int i = 0; i < 3; i++) {
                calls.add(() -> getPost(r.token(), post).extract().statusCode());
            }
        }
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(30, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(10, api.count("select count(*) from content_view where content_id = ?", UUID.fromString(post)));

        // the author's own reads count too (a unique viewer): 11, folded within a few seconds
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.count("select view_count from post where id = ?", UUID.fromString(post)) == 10);
        int shown = getPost(author.token(), post).extract().path("viewCount");
        assertEquals(10, shown);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.count("select view_count from post where id = ?", UUID.fromString(post)) == 11);
        Thread.sleep(2500); // a few more folds: nothing is counted twice
        assertEquals(11, api.count("select view_count from post where id = ?", UUID.fromString(post)));
        assertEquals(
                0, api.count("select count(*) from content_view_pending where content_id = ?", UUID.fromString(post)));
    }
}
