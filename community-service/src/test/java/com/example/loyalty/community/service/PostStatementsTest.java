package com.example.loyalty.community.service;

import static com.example.loyalty.community.CommunityApi.newSpace;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.community.CommunityApi;
import com.example.loyalty.community.service.PostService.PostInput;
import com.example.loyalty.testing.WireStatements;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A member's post is one transaction of seven statements, counted on the wire ({@link WireStatements}): the caller's
 * member record is looked up once (for the ban and again for the spaces they see, it was two look-ups), then the
 * space, the member's lock and the posting limit's count, the post, its contribution with the score in one statement
 * (it was two), and the event.
 */
@QuarkusTest
class PostStatementsTest {

    @Inject
    PostService posts;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPostIsOneTransactionOfSevenStatements() {
        CommunityApi.Member member = new CommunityApi(dataSource).member();
        UUID space = UUID.fromString(newSpace());
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            identities.setIdentity(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(member.subject()))
                    .addRole(Roles.MEMBER)
                    .build());
            // the first posts warm this thread's connection (the driver's type and column metadata)
            post(space, "warm-up 1");
            post(space, "warm-up 2");

            List<String> statements = WireStatements.of(() -> post(space, "counted"));

            WireStatements.assertMatch(
                    List.of(
                            "select cm1_0.member_id,cm1_0.ambassador_by", // the caller, by the token's subject: once
                            "select s1_0.id", // the space
                            "select cm1_0.member_id from community_member cm1_0 where cm1_0.member_id=", // the lock
                            "select (select count(*) from post", // the posting limit
                            "insert into post",
                            "with recorded as (", // the contribution and the member's score
                            "insert into outbox_event",
                            "commit"),
                    statements,
                    "one post");
        } finally {
            request.terminate();
        }
    }

    private void post(UUID space, String title) {
        posts.create(space, new PostInput("DISCUSSION", title, "Which beans this week?", null, List.of(), null, null));
    }
}
