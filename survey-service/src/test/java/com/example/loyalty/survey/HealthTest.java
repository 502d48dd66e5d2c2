package com.example.loyalty.survey;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.testing.ServiceHealthTestBase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Health, metrics, OpenAPI and migrations of survey-service (see {@link ServiceHealthTestBase}), and what of them is
 * survey-service's own: its API in the OpenAPI document, the one-response-per-member rule in the schema.
 */
@QuarkusTest
class HealthTest extends ServiceHealthTestBase {

    @Inject
    AgroalDataSource surveysDb;

    @Override
    protected String applicationName() {
        return "survey-service";
    }

    @Override
    protected String apiSegment() {
        return "surveys";
    }

    @Override
    protected String memberApiPath() {
        return "/api/surveys/me/open";
    }

    @Override
    protected List<String> ownMigrations() {
        return List.of(
                "2 surveys",
                "3 member directory",
                "4 member segments",
                "5 segment targets",
                "6 member merge erasure",
                "7 wave announcements",
                "8 anonymous answer staging");
    }

    @Override
    protected List<String> kafkaChannels() {
        return List.of("outbox", "dead-letters", "member-events", "loyalty-transactions", "loyalty-insights");
    }

    @Override
    protected List<String> ownTables() {
        return List.of("survey", "wave", "wave_member", "survey_response", "wave_participation", "member_directory");
    }

    @Test
    void theOpenApiDocumentDescribesTheSurveyApi() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(SC_OK)
                .body(not(containsString("Preliminary")))
                .body(
                        "paths.keySet()",
                        hasItems(
                                "/api/surveys",
                                "/api/surveys/{id}",
                                "/api/surveys/{id}/publish",
                                "/api/surveys/me/open",
                                "/api/surveys/{surveyId}/responses",
                                "/api/surveys/{surveyId}/waves"))
                .body("info.description", containsString("responses checked against each question's scale"))
                .body(
                        "paths.'/api/surveys/{surveyId}/responses'.post.description",
                        containsString("per member per wave"))
                .body("paths.'/api/surveys'.post.responses.'422'", notNullValue())
                .body(
                        "paths.'/api/surveys/{surveyId}/waves'.post.description",
                        containsString("RFM segments (SEGMENT)"))
                .body("components.schemas.TargetDto.properties.segments.description", containsString("CHAMPIONS"))
                .body("components.schemas.TargetDto.properties.quadrants.description", containsString("UNKNOWN"));
    }

    @Test
    void oneNamedResponsePerSubjectAndWaveIsAConstraintOfTheDatabase() throws SQLException {
        try (Connection c = surveysDb.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_constraint "
                        + "where conname = 'survey_response_one_per_member' and contype = 'u'")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }
}
