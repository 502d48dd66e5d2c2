package com.example.loyalty.community.repository;

import static com.example.loyalty.community.CommunityApi.comment;
import static com.example.loyalty.community.CommunityApi.getPost;
import static com.example.loyalty.community.CommunityApi.newPost;
import static com.example.loyalty.community.CommunityApi.newSpace;
import static com.example.loyalty.community.CommunityApi.react;
import static org.hamcrest.Matchers.equalTo;

import com.example.loyalty.community.CommunityApi;
import com.example.loyalty.community.CommunityApi.Member;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a moderator's hide or unhide relies on: the counters recomputed from the visible rows. */
@QuarkusTest
class PostRecountTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PostRepository posts;

    @Test
    void recountCountsVisibleCommentsAnswersAndReactions() {
        CommunityApi api = new CommunityApi(dataSource);
        Member asker = api.member();
        Member a = api.member();
        Member b = api.member();
        String question = newPost(asker, newSpace(), "QUESTION");
        String first = comment(a.token(), question, "first answer").extract().path("id");
        comment(b.token(), question, "second answer").statusCode(201);
        comment(asker.token(), question, "asker's reply").statusCode(201);
        react(a.token(), question, "LIKE").statusCode(201);
        react(b.token(), question, "LIKE").statusCode(201);
        react(b.token(), question, "THANKS").statusCode(201);
        getPost(asker.token(), question).body("commentCount", equalTo(3)).body("answerCount", equalTo(2));

        api.update("update comment set hidden_at = now(), hidden_by = 'mod' where id = ?", UUID.fromString(first));
        // counters drifted on purpose: recount repairs them from the rows
        api.update("update post set like_count = 99, answer_count = 7 where id = ?", UUID.fromString(question));
        QuarkusTransaction.requiringNew().run(() -> posts.recount(UUID.fromString(question)));

        getPost(asker.token(), question)
                .body("commentCount", equalTo(2))
                .body("answerCount", equalTo(1))
                .body("reactions.LIKE", equalTo(2))
                .body("reactions.THANKS", equalTo(1));

        api.update("update comment set hidden_at = null, hidden_by = null where id = ?", UUID.fromString(first));
        QuarkusTransaction.requiringNew().run(() -> posts.recount(UUID.fromString(question)));
        getPost(asker.token(), question).body("commentCount", equalTo(3)).body("answerCount", equalTo(2));
    }
}
