package com.example.loyalty.survey.rest;

import static com.example.loyalty.survey.SurveyApi.openSurveyIds;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.example.loyalty.survey.Db;
import com.example.loyalty.survey.SurveyApi;
import com.example.loyalty.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MySurveysResourceTest {

    private static final String OPEN = "/api/surveys/me/open";
    private static final LocalDate DAY = LocalDate.parse("2026-11-30");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOpenSurveyComesWithItsWaveAndLocalizedTexts() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.everyTypeSurvey());
        String wave = SurveyApi.openWaveId(survey);
        var member = SurveyApi.newMember();
        String find = "find { it.id == '" + survey + "' }";

        // no preference: English where there is English, else Japanese
        given().auth()
                .oauth2(member.token())
                .when()
                .get(OPEN)
                .then()
                .statusCode(SC_OK)
                .contentType("application/json")
                .body(find + ".title", equalTo("総合アンケート"))
                .body(find + ".titles.ja", equalTo("総合アンケート"))
                .body(find + ".lang", equalTo("ja"))
                .body(find + ".anonymous", equalTo(false))
                .body(find + ".wave.id", equalTo(wave))
                .body(find + ".wave.name", equalTo("Wave 1"))
                .body(
                        find + ".closesAt",
                        equalTo(given().auth()
                                .oauth2(SurveyApi.MARKETER)
                                .get("/api/surveys/{id}", survey)
                                .then()
                                .extract()
                                .path("openWave.closesAt")))
                .body(
                        find + ".questions.id",
                        equalTo(List.of("nps", "keep", "nrs", "quality", "ces", "effort", "dwb", "reason", "visit")))
                .body(find + ".questions[0].text", equalTo("Question nps"))
                .body(find + ".questions[0].texts.en", equalTo("Question nps"))
                .body(find + ".questions[0].required", equalTo(true))
                .body(find + ".questions[0].min", equalTo(0))
                .body(find + ".questions[0].max", equalTo(10))
                .body(find + ".questions[3].dimension", equalTo("PERCEIVED_QUALITY"))
                .body(find + ".questions[8].options[0].text", equalTo("Food"));

        // ?lang= chooses the convenience texts; the maps stay complete
        given().auth()
                .oauth2(member.token())
                .queryParam("lang", "ja")
                .when()
                .get(OPEN)
                .then()
                .statusCode(SC_OK)
                .body(find + ".questions[8].options[0].text", equalTo("食べ物"))
                .body(find + ".questions[8].options[0].texts.en", equalTo("Food"))
                // no Japanese text: falls back to English
                .body(find + ".questions[8].options[1].text", equalTo("Price"));
        // so does Accept-Language, with quality values
        given().auth()
                .oauth2(member.token())
                .header("Accept-Language", "fr;q=0.9, ja-JP;q=0.8, en;q=0.1")
                .when()
                .get(OPEN)
                .then()
                .statusCode(SC_OK)
                .body(find + ".questions[8].options[0].text", equalTo("食べ物"));
    }

    @Test
    void theChosenLanguageFollowsLangThenAcceptLanguage() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        var member = SurveyApi.newMember();
        String find = "find { it.id == '" + survey + "' }";
        given().auth()
                .oauth2(member.token())
                .when()
                .get(OPEN)
                .then()
                .statusCode(SC_OK)
                .body(find + ".title", equalTo("How are we doing?"))
                .body(find + ".lang", equalTo("en"));
        given().auth()
                .oauth2(member.token())
                .queryParam("lang", "ja")
                .when()
                .get(OPEN)
                .then()
                .statusCode(SC_OK)
                .body(find + ".title", equalTo("ご意見をお聞かせください"))
                .body(find + ".lang", equalTo("ja"))
                .body(find + ".titles.en", equalTo("How are we doing?"))
                .body(find + ".questions[0].text", equalTo("友人に勧める可能性は?"))
                .body(find + ".questions[1].text", equalTo("Why?"));
        given().auth()
                .oauth2(member.token())
                .header("Accept-Language", "ja")
                .when()
                .get(OPEN)
                .then()
                .statusCode(SC_OK)
                .body(find + ".title", equalTo("ご意見をお聞かせください"));
        given().auth()
                .oauth2(member.token())
                .header("Accept-Language", "ja")
                .queryParam("lang", "en")
                .when()
                .get(OPEN)
                .then()
                .statusCode(SC_OK)
                .body(find + ".title", equalTo("How are we doing?"));
    }

    @Test
    void onlyWavesOpenNowAreListed() {
        var member = SurveyApi.newMember();
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        assertThat(openSurveyIds(member.token()), hasItem(survey));

        // the wave closes: gone; the next wave opens in an hour: not yet there, and answering is refused
        SurveyApi.closeWave(survey, SurveyApi.openWaveId(survey)).statusCode(SC_OK);
        Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        SurveyApi.addWave(
                        survey,
                        Map.of(
                                "opensAt",
                                later.toString(),
                                "closesAt",
                                later.plus(Duration.ofDays(1)).toString()))
                .statusCode(SC_CREATED);
        assertThat(openSurveyIds(member.token()), not(hasItem(survey)));
        SurveyApi.respond(member.token(), survey, SurveyApi.answers(Map.of("nps", 9)))
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", endsWith("/no-open-wave"));

        // a draft and a closed survey are never listed
        String draft = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        String closed = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        SurveyApi.close(closed).statusCode(SC_OK);
        List<String> open = openSurveyIds(member.token());
        assertThat(open, not(hasItem(draft)));
        assertThat(open, not(hasItem(closed)));
    }

    @Test
    void aTierTargetAsksMembersOfThatTierByTheDirectory() {
        var gold = SurveyApi.newMember();
        var regular = SurveyApi.newMember();
        var unknown = SurveyApi.newMember();
        Db db = new Db(dataSource);
        // points-service's events, through the real topics: enrolled as REGULAR, then upgraded to GOLD
        SurveyApi.enrolled(gold, "REGULAR");
        SurveyApi.tierChanged(gold, "REGULAR", "GOLD", Instant.now().plusMillis(5));
        SurveyApi.enrolled(regular, "REGULAR");
        db.awaitDirectory(gold.memberId(), gold.subject(), "GOLD");
        db.awaitDirectory(regular.memberId(), regular.subject(), "REGULAR");

        String survey = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        SurveyApi.publish(survey, Map.of("target", Map.of("type", "TIER", "tiers", List.of("GOLD", "PLATINUM"))))
                .statusCode(SC_OK);

        assertThat(openSurveyIds(gold.token()), hasItem(survey));
        assertThat(openSurveyIds(regular.token()), not(hasItem(survey)));
        assertThat(openSurveyIds(unknown.token()), not(hasItem(survey)));

        SurveyApi.respond(regular.token(), survey, SurveyApi.answers(Map.of("nps", 9)))
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json")
                .body("type", endsWith("/not-in-target"));
        SurveyApi.respond(unknown.token(), survey, SurveyApi.answers(Map.of("nps", 9)))
                .statusCode(SC_FORBIDDEN);
        SurveyApi.respond(gold.token(), survey, SurveyApi.answers(Map.of("nps", 9)))
                .statusCode(SC_CREATED)
                .body("tier", equalTo("GOLD"))
                .body("memberId", equalTo(gold.memberId()));
        org.junit.jupiter.api.Assertions.assertEquals(1, db.writtenFor(survey).responses());
    }

    @Test
    void aSegmentTargetAsksMembersOfThatSegmentInTheProgramCurrency() {
        var champion = SurveyApi.newMember();
        var atRisk = SurveyApi.newMember();
        var unscored = SurveyApi.newMember();
        var championInDollars = SurveyApi.newMember();
        var movedOn = SurveyApi.newMember();
        Db db = new Db(dataSource);
        for (var m : List.of(champion, atRisk, unscored, championInDollars, movedOn)) {
            SurveyApi.enrolled(m, "REGULAR");
        }
        // metrics-service's events, through the real topic
        SurveyApi.segmentChanged(champion, "JPY", DAY, "CHAMPIONS", "KEEP_AND_REWARD");
        SurveyApi.segmentChanged(atRisk, "JPY", DAY, "AT_RISK", "LATENT_FAN");
        SurveyApi.segmentChanged(championInDollars, "USD", DAY, "CHAMPIONS", "KEEP_AND_REWARD");
        SurveyApi.segmentChanged(championInDollars, "JPY", DAY, "HIBERNATING", "FIX_EXPERIENCE");
        SurveyApi.segmentChanged(movedOn, "JPY", DAY.minusDays(1), "CHAMPIONS", "KEEP_AND_REWARD");
        SurveyApi.segmentChanged(movedOn, "JPY", DAY, "ABOUT_TO_SLEEP", "TEMPORARY_FAN");
        for (var m : List.of(champion, atRisk, unscored, championInDollars, movedOn)) {
            db.awaitDirectory(m.memberId(), m.subject(), "REGULAR");
        }
        db.awaitSegment(champion.memberId(), "CHAMPIONS", "KEEP_AND_REWARD", DAY);
        db.awaitSegment(atRisk.memberId(), "AT_RISK", "LATENT_FAN", DAY);
        db.awaitSegment(championInDollars.memberId(), "HIBERNATING", "FIX_EXPERIENCE", DAY);
        db.awaitSegment(movedOn.memberId(), "ABOUT_TO_SLEEP", "TEMPORARY_FAN", DAY);

        String survey = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        SurveyApi.publish(
                        survey,
                        Map.of("target", Map.of("type", "SEGMENT", "segments", List.of("champions", "CANT_LOSE_THEM"))))
                .statusCode(SC_OK)
                .body("openWave.target.type", equalTo("SEGMENT"))
                .body("openWave.target.segments", equalTo(List.of("CHAMPIONS", "CANT_LOSE_THEM")));

        assertThat(openSurveyIds(champion.token()), hasItem(survey));
        for (var m : List.of(atRisk, unscored, championInDollars, movedOn)) {
            assertThat(openSurveyIds(m.token()), not(hasItem(survey)));
        }
        assertThat("not in the directory at all", openSurveyIds(TestTokens.newMember()), not(hasItem(survey)));

        SurveyApi.respond(atRisk.token(), survey, SurveyApi.answers(Map.of("nps", 4)))
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json")
                .body("type", endsWith("/not-in-target"));
        SurveyApi.respond(champion.token(), survey, SurveyApi.answers(Map.of("nps", 10)))
                .statusCode(SC_CREATED)
                .body("memberId", equalTo(champion.memberId()));
        org.junit.jupiter.api.Assertions.assertEquals(1, db.writtenFor(survey).responses());

        // the directory follows the next recompute: the member at risk became a champion
        SurveyApi.segmentChanged(atRisk, "JPY", DAY.plusDays(1), "CHAMPIONS", "KEEP_AND_REWARD");
        db.awaitSegment(atRisk.memberId(), "CHAMPIONS", "KEEP_AND_REWARD", DAY.plusDays(1));
        assertThat(openSurveyIds(atRisk.token()), hasItem(survey));
    }

    @Test
    void aQuadrantTargetAsksMembersOfThoseQuadrantsIncludingUnknown() {
        var fan = SurveyApi.newMember();
        var unclassified = SurveyApi.newMember();
        var saidUnknown = SurveyApi.newMember();
        var keeper = SurveyApi.newMember();
        var unscored = SurveyApi.newMember();
        Db db = new Db(dataSource);
        for (var m : List.of(fan, unclassified, saidUnknown, keeper, unscored)) {
            SurveyApi.enrolled(m, "GOLD");
        }
        SurveyApi.segmentChanged(fan, "JPY", DAY, "LOYAL", "LATENT_FAN");
        SurveyApi.segmentChanged(unclassified, "JPY", DAY, "NEW", null);
        SurveyApi.segmentChanged(saidUnknown, "JPY", DAY, "PROMISING", "UNKNOWN");
        SurveyApi.segmentChanged(keeper, "JPY", DAY, "CHAMPIONS", "KEEP_AND_REWARD");
        for (var m : List.of(fan, unclassified, saidUnknown, keeper, unscored)) {
            db.awaitDirectory(m.memberId(), m.subject(), "GOLD");
        }
        db.awaitSegment(fan.memberId(), "LOYAL", "LATENT_FAN", DAY);
        db.awaitSegment(unclassified.memberId(), "NEW", "UNKNOWN", DAY);
        db.awaitSegment(saidUnknown.memberId(), "PROMISING", "UNKNOWN", DAY);
        db.awaitSegment(keeper.memberId(), "CHAMPIONS", "KEEP_AND_REWARD", DAY);

        String survey = SurveyApi.createDraft(SurveyApi.npsSurvey(true));
        SurveyApi.publish(
                        survey,
                        Map.of("target", Map.of("type", "QUADRANT", "quadrants", List.of("Latent_Fan", "UNKNOWN"))))
                .statusCode(SC_OK)
                .body("openWave.target.type", equalTo("QUADRANT"))
                .body("openWave.target.quadrants", equalTo(List.of("LATENT_FAN", "UNKNOWN")))
                .body("openWave.target.segments", equalTo(List.of()));

        for (var m : List.of(fan, unclassified, saidUnknown)) {
            assertThat(openSurveyIds(m.token()), hasItem(survey));
        }
        assertThat(openSurveyIds(keeper.token()), not(hasItem(survey)));
        assertThat("not scored yet: in no quadrant", openSurveyIds(unscored.token()), not(hasItem(survey)));

        SurveyApi.respond(keeper.token(), survey, SurveyApi.answers(Map.of("nps", 10)))
                .statusCode(SC_FORBIDDEN);
        SurveyApi.respond(unscored.token(), survey, SurveyApi.answers(Map.of("nps", 10)))
                .statusCode(SC_FORBIDDEN);
        SurveyApi.respond(unclassified.token(), survey, SurveyApi.answers(Map.of("nps", 6)))
                .statusCode(SC_CREATED);
        assertThat(openSurveyIds(unclassified.token()), not(hasItem(survey)));
    }

    @Test
    void aMembersTargetAsksTheListedMemberIds() {
        var listed = SurveyApi.newMember();
        var other = SurveyApi.newMember();
        Db db = new Db(dataSource);
        SurveyApi.enrolled(listed, "SILVER");
        SurveyApi.enrolled(other, "SILVER");
        db.awaitDirectory(listed.memberId(), listed.subject(), "SILVER");
        db.awaitDirectory(other.memberId(), other.subject(), "SILVER");

        String survey = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        SurveyApi.publish(survey, Map.of("target", Map.of("type", "MEMBERS", "memberIds", List.of(listed.memberId()))))
                .statusCode(SC_OK)
                .body("openWave.target.memberIds", equalTo(List.of(listed.memberId())));

        assertThat(openSurveyIds(listed.token()), hasItem(survey));
        assertThat(openSurveyIds(other.token()), not(hasItem(survey)));
        SurveyApi.respond(other.token(), survey, SurveyApi.answers(Map.of("nps", 3)))
                .statusCode(SC_FORBIDDEN);
        SurveyApi.respond(listed.token(), survey, SurveyApi.answers(Map.of("nps", 3)))
                .statusCode(SC_CREATED);
    }

    @Test
    void anAnsweredSurveyIsNoLongerListed() {
        var member = SurveyApi.newMember();
        var anonymousMember = SurveyApi.newMember();
        String named = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String anonymous = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(true));
        assertThat(openSurveyIds(member.token()), hasItem(named));

        SurveyApi.respond(member.token(), named, SurveyApi.answers(Map.of("nps", 10)))
                .statusCode(SC_CREATED);
        assertThat(openSurveyIds(member.token()), not(hasItem(named)));

        assertThat(openSurveyIds(anonymousMember.token()), hasItem(anonymous));
        SurveyApi.respond(anonymousMember.token(), anonymous, SurveyApi.answers(Map.of("nps", 10)))
                .statusCode(SC_CREATED);
        assertThat(openSurveyIds(anonymousMember.token()), not(hasItem(anonymous)));
        // others still see both
        var someoneElse = SurveyApi.newMember();
        assertThat(openSurveyIds(someoneElse.token()), hasItem(named));
        assertThat(openSurveyIds(someoneElse.token()), hasItem(anonymous));
    }

    @Test
    void aNewMemberNotYetInTheDirectoryStillSeesSurveysForEveryone() {
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        assertThat(openSurveyIds(TestTokens.newMember()), hasItem(survey));
    }

    @Test
    void noTokenIs401ProblemWithChallenge() {
        given().when()
                .get(OPEN)
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(SC_UNAUTHORIZED));
        given().auth()
                .oauth2("not-a-token")
                .when()
                .get(OPEN)
                .then()
                .statusCode(SC_UNAUTHORIZED)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenWithoutTheMemberRoleIs403Problem() {
        given().auth()
                .oauth2(TestTokens.token("staff-surveys", "staff", "marketer"))
                .when()
                .get(OPEN)
                .then()
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json")
                .body("status", equalTo(SC_FORBIDDEN));
    }
}
