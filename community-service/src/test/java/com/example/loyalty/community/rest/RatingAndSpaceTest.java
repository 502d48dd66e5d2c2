package com.example.loyalty.community.rest;

import static com.example.loyalty.community.CommunityApi.MARKETER;
import static com.example.loyalty.community.CommunityApi.createPost;
import static com.example.loyalty.community.CommunityApi.createSpace;
import static com.example.loyalty.community.CommunityApi.newSpace;
import static com.example.loyalty.community.CommunityApi.post;
import static com.example.loyalty.community.CommunityApi.review;
import static com.example.loyalty.community.CommunityApi.space;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.example.loyalty.community.CommunityApi;
import com.example.loyalty.community.CommunityApi.Member;
import com.example.loyalty.testing.contract.ContractValidation;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RatingAndSpaceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aProductsRatingCountsVisibleReviewsOnly() {
        CommunityApi api = new CommunityApi(dataSource);
        String space = newSpace();
        String product = "SKU-" + UUID.randomUUID();
        createPost(api.member().token(), space, review(product, 5)).statusCode(SC_CREATED);
        createPost(api.member().token(), space, review(product, 4)).statusCode(SC_CREATED);
        createPost(api.member().token(), space, review(product, 4)).statusCode(SC_CREATED);
        String hidden = createPost(api.member().token(), space, review(product, 1))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        api.update("update post set hidden_at = now(), hidden_by = 'mod' where id = ?", UUID.fromString(hidden));

        given().auth()
                .oauth2(api.member().token())
                .when()
                .get("/api/community/products/{id}/rating", product)
                .then()
                .statusCode(SC_OK)
                .body("productId", equalTo(product))
                .body("count", equalTo(3))
                .body("mean", equalTo(4.33f))
                .body("distribution.1", equalTo(0))
                .body("distribution.4", equalTo(2))
                .body("distribution.5", equalTo(1));
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/community/products/{id}/rating", "never-reviewed")
                .then()
                .statusCode(SC_OK)
                .body("count", equalTo(0))
                .body("mean", nullValue())
                .body("distribution.3", equalTo(0));
    }

    @Test
    void aMarketerCreatesAndChangesSpacesAMemberCannot() throws Exception {
        CommunityApi api = new CommunityApi(dataSource);
        Member m = api.member();
        Map<String, Object> body = space("Espresso");
        body.put("titles", Map.of("ja", "エスプレッソ", "en", "Espresso"));
        String id = createSpace(body)
                .statusCode(SC_CREATED)
                .body("id", notNullValue())
                .body("titles.ja", equalTo("エスプレッソ"))
                .body("visibility.allMembers", equalTo(true))
                .body("postingRules.membersMayPost", equalTo(true))
                .extract()
                .path("id");
        given().auth()
                .oauth2(m.token())
                .contentType(ContentType.JSON)
                .body(space("Mine"))
                .when()
                .post("/api/community/spaces")
                .then()
                .statusCode(SC_FORBIDDEN);
        // a space without its required name, and one allowing a kind the document does not list
        ContractValidation.withoutRequestChecks(() -> {
            createSpace(Map.of("description", "no name"))
                    .statusCode(SC_UNPROCESSABLE_ENTITY)
                    .body("errors[0].field", equalTo("name"));
            return createSpace(Map.of("name", "x", "postingRules", Map.of("allowedKinds", List.of("POLL"))))
                    .statusCode(SC_UNPROCESSABLE_ENTITY);
        });

        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(Map.of("description", "Strong coffee"))
                .when()
                .patch("/api/community/spaces/{id}", id)
                .then()
                .statusCode(SC_OK)
                .body("name", equalTo("Espresso"))
                .body("description", equalTo("Strong coffee"))
                .body("titles.en", equalTo("Espresso"));
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Ristretto"))
                .when()
                .put("/api/community/spaces/{id}", id)
                .then()
                .statusCode(SC_OK)
                .body("name", equalTo("Ristretto"))
                .body("description", nullValue());
        given().auth()
                .oauth2(m.token())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Mine"))
                .when()
                .patch("/api/community/spaces/{id}", id)
                .then()
                .statusCode(SC_FORBIDDEN);
        given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x"))
                .when()
                .put("/api/community/spaces/{id}", UUID.randomUUID())
                .then()
                .statusCode(SC_NOT_FOUND);
    }

    @Test
    void aTierSpaceIsSeenByItsTierAndStaffOnly() {
        CommunityApi api = new CommunityApi(dataSource);
        Member gold = api.member("GOLD");
        Member silver = api.member("SILVER");
        Map<String, Object> body = space("Gold lounge " + UUID.randomUUID());
        body.put("visibility", Map.of("allMembers", false, "tiers", List.of("gold")));
        String lounge = createSpace(body)
                .statusCode(SC_CREATED)
                .body("visibility.tiers", contains("GOLD"))
                .extract()
                .path("id");
        String open = newSpace();

        given().auth()
                .oauth2(gold.token())
                .when()
                .get("/api/community/spaces")
                .then()
                .statusCode(SC_OK)
                .body("id", hasItem(lounge))
                .body("id", hasItem(open));
        given().auth()
                .oauth2(silver.token())
                .when()
                .get("/api/community/spaces")
                .then()
                .statusCode(SC_OK)
                .body("id", not(hasItem(lounge)))
                .body("id", hasItem(open));
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get("/api/community/spaces")
                .then()
                .body("id", hasItem(lounge));

        given().auth()
                .oauth2(silver.token())
                .when()
                .get("/api/community/spaces/{id}", lounge)
                .then()
                .statusCode(SC_NOT_FOUND);
        given().auth()
                .oauth2(gold.token())
                .when()
                .get("/api/community/spaces/{id}", lounge)
                .then()
                .statusCode(SC_OK);
        String goldPost = createPost(gold.token(), lounge, post("DISCUSSION", "Members only"))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        createPost(silver.token(), lounge, post("DISCUSSION", "Let me in")).statusCode(SC_NOT_FOUND);
        CommunityApi.getPost(silver.token(), goldPost).statusCode(SC_NOT_FOUND);
        CommunityApi.getPost(gold.token(), goldPost).statusCode(SC_OK);
        given().auth()
                .oauth2(silver.token())
                .when()
                .get("/api/community/spaces/{id}/posts", lounge)
                .then()
                .statusCode(SC_NOT_FOUND);
    }
}
