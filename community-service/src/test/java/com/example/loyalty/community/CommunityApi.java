package com.example.loyalty.community;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CREATED;

import com.example.loyalty.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls of the community content API and plain SQL to set up members (the directory is filled from points-service's
 * events, tested elsewhere; here members are put in directly) and to check what was (not) written.
 */
public class CommunityApi {

    public static final String MARKETER_SUBJECT = "marketer-" + UUID.randomUUID();
    public static final String MARKETER = TestTokens.token(MARKETER_SUBJECT, "marketer");

    private final AgroalDataSource dataSource;

    public CommunityApi(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A member the directory knows: token subject, token, points member id, display name. */
    public record Member(String subject, String token, UUID memberId, String displayName) {}

    public Member member() {
        return member("GOLD");
    }

    public Member member(String tier) {
        return member(tier, 0);
    }

    /** A member the directory knows (inserted directly, as their enrolment would), with a score to start from. */
    public Member member(String tier, long score) {
        String subject = UUID.randomUUID().toString();
        UUID memberId = UUID.randomUUID();
        String name = "Member " + subject.substring(0, 8);
        update(
                "insert into community_member (member_id, subject, display_name, tier, score, known_since, updated_at)"
                        + " values (?, ?, ?, ?, ?, now(), now())",
                memberId,
                subject,
                name,
                tier,
                score);
        return new Member(subject, TestTokens.token(subject, "member"), memberId, name);
    }

    public void ban(Member m) {
        update(
                "update community_member set banned_at = now(), banned_by = 'test', ban_reason = 'spam'"
                        + " where member_id = ?",
                m.memberId());
    }

    public long score(Member m) {
        return count("select score from community_member where member_id = ?", m.memberId());
    }

    // ---- spaces

    public static Map<String, Object> space(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "About " + name);
        return body;
    }

    public static ValidatableResponse createSpace(Object body) {
        return given().auth()
                .oauth2(MARKETER)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/community/spaces")
                .then();
    }

    public static String newSpace() {
        return createSpace(space("Space " + UUID.randomUUID()))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
    }

    // ---- posts

    public static Map<String, Object> post(String kind, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("title", title);
        body.put("body", "Body of " + title);
        return body;
    }

    public static Map<String, Object> review(String productId, Object rating) {
        Map<String, Object> body = post("REVIEW", "Review of " + productId);
        body.put("productId", productId);
        body.put("rating", rating);
        return body;
    }

    public static ValidatableResponse createPost(String token, String spaceId, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/community/spaces/{id}/posts", spaceId)
                .then();
    }

    public static String newPost(Member m, String spaceId, String kind) {
        return createPost(m.token(), spaceId, post(kind, kind + " " + UUID.randomUUID()))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
    }

    public static ValidatableResponse getPost(String token, String postId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/community/posts/{id}", postId)
                .then();
    }

    public static ValidatableResponse comment(String token, String postId, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("body", body))
                .when()
                .post("/api/community/posts/{id}/comments", postId)
                .then();
    }

    public static ValidatableResponse accept(String token, String postId, String commentId) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("commentId", commentId))
                .when()
                .post("/api/community/posts/{id}/accepted-answer", postId)
                .then();
    }

    public static ValidatableResponse react(String token, String postId, String kind) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", kind))
                .when()
                .post("/api/community/posts/{id}/reactions", postId)
                .then();
    }

    public static ValidatableResponse unreact(String token, String postId, String kind) {
        return given().auth()
                .oauth2(token)
                .when()
                .delete("/api/community/posts/{id}/reactions/{kind}", postId, kind)
                .then();
    }

    // ---- SQL

    public long count(String sql, Object... params) {
        Object value = single(sql, params);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Object single(String sql, Object... params) {
        List<Object[]> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    public List<Object[]> rows(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs the statements on one connection; returns the first column of the last one's rows. */
    public List<String> onOneConnection(String... statements) {
        try (Connection c = dataSource.getConnection();
                java.sql.Statement s = c.createStatement()) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < statements.length; i++) {
                boolean rows = s.execute(statements[i]);
                if (rows && i == statements.length - 1) {
                    try (ResultSet rs = s.getResultSet()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements), e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            s.setObject(i + 1, p instanceof Instant at ? Timestamp.from(at) : p);
        }
    }

    /** Standing contributions of the member, as "KIND" strings. */
    public List<String> standing(Member m) {
        return rows(
                        "select kind from contribution where member_id = ? and revoked_at is null order by occurred_at, kind",
                        m.memberId())
                .stream()
                .map(r -> (String) r[0])
                .toList();
    }
}
