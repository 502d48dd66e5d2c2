package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.testing.Concurrently;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CardDesignResourceTest {

    static final String ADMIN = TestTokens.token("admin-" + UUID.randomUUID(), "admin");
    static final String DESIGNS = "/api/points/card-designs";

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    record Audit(String action, String actor, JsonNode before, JsonNode after) {}

    static Map<String, Object> design(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("titleJa", "桜");
        body.put("titleEn", "Cherry blossom");
        body.put("backgroundColor", "#f6c9d5");
        body.put("textColor", "#3A1F2B");
        body.put("imageUrl", "https://cdn.example.com/cards/sakura.png");
        return body;
    }

    static String newName() {
        return "design-" + UUID.randomUUID();
    }

    static ValidatableResponse create(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(DESIGNS)
                .then();
    }

    static ValidatableResponse update(String token, String id, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(DESIGNS + "/" + id)
                .then();
    }

    static ValidatableResponse choose(String token, Object designId) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(designId == null ? Map.of() : Map.of("designId", designId))
                .when()
                .put("/api/points/members/me/card")
                .then();
    }

    @Test
    void aMarketerAddsADesignAndItIsAudited() {
        String name = newName();
        String marketer = "marketer-" + UUID.randomUUID();
        var created = create(TestTokens.token(marketer, "marketer"), design(name))
                .statusCode(SC_CREATED)
                .body("name", equalTo(name))
                .body("titleJa", equalTo("桜"))
                .body("backgroundColor", equalTo("#F6C9D5"))
                .body("textColor", equalTo("#3A1F2B"))
                .body("imageUrl", equalTo("https://cdn.example.com/cards/sakura.png"))
                .body("active", equalTo(true))
                .body("isDefault", equalTo(false))
                .body("updatedBy", equalTo(marketer))
                .extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith(DESIGNS + "/" + id));

        given().auth()
                .oauth2(PointsApi.enrolNewMember().token())
                .when()
                .get(DESIGNS)
                .then()
                .statusCode(SC_OK)
                .body("[0].isDefault", equalTo(true))
                .body("id", hasItem(id));

        List<Audit> audit = audit(id);
        assertEquals(1, audit.size());
        assertEquals("CARD_DESIGN_CREATED", audit.get(0).action());
        assertEquals(marketer, audit.get(0).actor());
        assertEquals(true, audit.get(0).before().isNull());
        assertEquals(name, audit.get(0).after().get("name").asText());
        assertEquals("#F6C9D5", audit.get(0).after().get("backgroundColor").asText());
    }

    @Test
    void changesAndRetirementAreAuditedWithBeforeAndAfter() {
        String id = create(PointsApi.MARKETER, design(newName()))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        Map<String, Object> changed = design(newName());
        changed.put("backgroundColor", "#000000");
        changed.remove("imageUrl");
        update(ADMIN, id, changed)
                .statusCode(SC_OK)
                .body("backgroundColor", equalTo("#000000"))
                .body("imageUrl", nullValue())
                .body("active", equalTo(true));
        // the same PUT again changes nothing and records nothing
        update(ADMIN, id, changed).statusCode(SC_OK);

        changed.put("active", false);
        update(PointsApi.MARKETER, id, changed)
                .statusCode(SC_OK)
                .body("active", equalTo(false))
                .body("retiredAt", org.hamcrest.Matchers.notNullValue());
        changed.put("active", true);
        update(PointsApi.MARKETER, id, changed).statusCode(SC_OK).body("active", equalTo(true));

        List<Audit> audit = audit(id);
        assertEquals(
                List.of("CARD_DESIGN_CREATED", "CARD_DESIGN_UPDATED", "CARD_DESIGN_RETIRED", "CARD_DESIGN_UPDATED"),
                audit.stream().map(Audit::action).toList());
        Audit colour = audit.get(1);
        assertEquals("#F6C9D5", colour.before().get("backgroundColor").asText());
        assertEquals("#000000", colour.after().get("backgroundColor").asText());
        Audit retired = audit.get(2);
        assertEquals(true, retired.before().get("active").asBoolean());
        assertEquals(false, retired.after().get("active").asBoolean());
    }

    @Test
    void aMemberChoosesADesignAndSeesTheDefaultOnceItIsRetired() {
        var member = PointsApi.enrolNewMember();
        Map<String, Object> body = design(newName());
        String id = create(PointsApi.MARKETER, body)
                .statusCode(SC_CREATED)
                .extract()
                .path("id");

        choose(member.token(), id)
                .statusCode(SC_OK)
                .body("cardCode", equalTo(member.cardCode()))
                .body("design.id", equalTo(id))
                .body("chosenDesignRetired", equalTo(false));
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me/card")
                .then()
                .statusCode(SC_OK)
                .body("design.id", equalTo(id))
                .body("design.titleEn", equalTo("Cherry blossom"));

        body.put("active", false);
        update(PointsApi.MARKETER, id, body).statusCode(SC_OK);
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me/card")
                .then()
                .statusCode(SC_OK)
                .body("design.isDefault", equalTo(true))
                .body("chosenDesignRetired", equalTo(true));

        // a retired design is neither listed for members nor choosable; marketers still see it
        given().auth()
                .oauth2(member.token())
                .when()
                .get(DESIGNS)
                .then()
                .statusCode(SC_OK)
                .body("id", not(hasItem(id)));
        given().auth()
                .oauth2(member.token())
                .when()
                .get(DESIGNS + "/" + id)
                .then()
                .statusCode(SC_NOT_FOUND);
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .when()
                .get(DESIGNS + "/" + id)
                .then()
                .statusCode(SC_OK)
                .body("active", equalTo(false));
        var other = PointsApi.enrolNewMember();
        choose(other.token(), id)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/card-design-retired"));
        given().auth()
                .oauth2(other.token())
                .when()
                .get("/api/points/members/me/card")
                .then()
                .body("design.isDefault", equalTo(true))
                .body("chosenDesignRetired", equalTo(false));
    }

    @SendsInvalidRequests("a choice without a designId or with one that is not a UUID")
    @Test
    void anUnknownOrMalformedChoiceIsAProblemAndChangesNothing() {
        var member = PointsApi.enrolNewMember();
        choose(member.token(), UUID.randomUUID().toString())
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/card-design-not-found"));
        choose(member.token(), null).statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        choose(member.token(), "not-an-id").statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        choose(TestTokens.newMember(), UUID.randomUUID().toString())
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me/card")
                .then()
                .statusCode(SC_OK)
                .body("design.isDefault", equalTo(true));
    }

    @Test
    void theDefaultDesignCannotBeRetired() {
        Map<String, Object> standard = given().auth()
                .oauth2(PointsApi.MARKETER)
                .when()
                .get(DESIGNS)
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("find { it.isDefault }");
        String id = (String) standard.get("id");
        Map<String, Object> body = new HashMap<>(standard);
        body.keySet().retainAll(List.of("name", "titleJa", "titleEn", "backgroundColor", "textColor", "imageUrl"));
        body.put("active", false);
        int before = audit(id).size();
        update(ADMIN, id, body)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-card-design"));
        given().auth().oauth2(ADMIN).when().get(DESIGNS + "/" + id).then().body("active", equalTo(true));
        assertEquals(before, audit(id).size());
    }

    @Test
    void namesAreUniqueAlsoUnderARace() throws Exception {
        String name = newName();
        create(PointsApi.MARKETER, design(name)).statusCode(SC_CREATED);
        create(ADMIN, design(name.toUpperCase()))
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", equalTo("https://loyalty.example.com/problems/card-design-name-taken"));
        String other = create(ADMIN, design(newName()))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        update(ADMIN, other, design(name)).statusCode(SC_CONFLICT);

        String raced = newName();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> create(PointsApi.MARKETER, design(raced)).extract().statusCode());
        }
        List<Integer> statuses = Concurrently.run(calls);
        assertEquals(1, statuses.stream().filter(s -> s == SC_CREATED).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == SC_CONFLICT).count(), statuses.toString());
        assertEquals(1, auditedCreations(raced));
    }

    @SendsInvalidRequests("a design without a name, a colour that is not #RRGGBB, malformed JSON")
    @Test
    void badDesignsAreProblemsAndChangeNothing() {
        Map<String, Object> noName = design(newName());
        noName.remove("name");
        create(PointsApi.MARKETER, noName).statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        Map<String, Object> badColour = design(newName());
        badColour.put("textColor", "red");
        create(PointsApi.MARKETER, badColour).statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        for (String image : List.of("http://cdn.example.com/a.png", "javascript:alert(1)", "https://", "x y")) {
            Map<String, Object> badImage = design(newName());
            badImage.put("imageUrl", image);
            create(PointsApi.MARKETER, badImage)
                    .statusCode(SC_UNPROCESSABLE_ENTITY)
                    .contentType("application/problem+json");
        }
        Map<String, Object> retiredAtBirth = design(newName());
        retiredAtBirth.put("active", false);
        create(PointsApi.MARKETER, retiredAtBirth).statusCode(SC_UNPROCESSABLE_ENTITY);
        update(ADMIN, UUID.randomUUID().toString(), design(newName()))
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .contentType(ContentType.JSON)
                .body("{\"name\":")
                .when()
                .post(DESIGNS)
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json");
    }

    @Test
    void onlyMarketersAndAdminsManageDesigns() {
        var member = PointsApi.enrolNewMember();
        String id = create(PointsApi.MARKETER, design(newName()))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        create(member.token(), design(newName())).statusCode(SC_FORBIDDEN);
        create(PointsApi.STAFF, design(newName())).statusCode(SC_FORBIDDEN);
        update(member.token(), id, design(newName())).statusCode(SC_FORBIDDEN);
        update(PointsApi.STAFF, id, design(newName())).statusCode(SC_FORBIDDEN);
        given().auth().oauth2(PointsApi.STAFF).when().get(DESIGNS).then().statusCode(SC_FORBIDDEN);
        given().when().get(DESIGNS).then().statusCode(SC_UNAUTHORIZED);
        // a design is chosen only by the member themself
        choose(PointsApi.STAFF, id).statusCode(SC_FORBIDDEN);
        choose(ADMIN, id).statusCode(SC_FORBIDDEN);
        assertEquals(1, audit(id).size());
    }

    private List<Audit> audit(String id) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select action, actor, before::text, after::text "
                        + "from audit_entry where target_type = 'CARD_DESIGN' and target_id = ? order by seq")) {
            ps.setString(1, id);
            List<Audit> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Audit(
                            rs.getString(1),
                            rs.getString(2),
                            json.readTree(rs.getString(3) == null ? "null" : rs.getString(3)),
                            json.readTree(rs.getString(4) == null ? "null" : rs.getString(4))));
                }
            }
            return entries;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int auditedCreations(String name) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from audit_entry "
                        + "where action = 'CARD_DESIGN_CREATED' and after ->> 'name' = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
