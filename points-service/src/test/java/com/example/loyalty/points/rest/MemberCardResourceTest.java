package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_NOT_MODIFIED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.testing.TestTokens;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

@QuarkusTest
class MemberCardResourceTest {

    /** A 16-digit code fits a version-1 QR code at error correction H: 21 modules, plus 4 of quiet zone each side. */
    private static final int MODULES = 21;

    private static final int QUIET_ZONE = 4;
    private static final int MODULE_PIXELS = 8;

    @Test
    void theCardShowsCodeNameTierAndTheDefaultDesign() {
        String token = TestTokens.token(java.util.UUID.randomUUID().toString(), Map.of("name", "Hana Sato"), "member");
        var member = PointsApi.enrol(token);
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/points/members/me/card")
                .then()
                .statusCode(SC_OK)
                .contentType(ContentType.JSON)
                .body("cardCode", equalTo(member.cardCode()))
                .body("displayName", equalTo("Hana Sato"))
                .body("tier", equalTo("REGULAR"))
                .body("tierName", equalTo("Regular"))
                .body("design.isDefault", equalTo(true))
                .body("design.active", equalTo(true))
                .body("design.name", equalTo("standard"))
                .body("design.titleJa", equalTo("スタンダード"))
                .body("design.backgroundColor", equalTo("#1A3C6E"))
                .body("chosenDesignRetired", equalTo(false));
    }

    @Test
    void thePngIsAQrCodeOfTheCardCodeThatACameraReads() throws Exception {
        var member = PointsApi.enrolNewMember();
        var response = given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me/card.png")
                .then()
                .statusCode(SC_OK)
                .contentType("image/png")
                .header("Cache-Control", containsString("private"))
                .header("Cache-Control", containsString("max-age=86400"))
                .header("Vary", containsString("Authorization"))
                .header("X-Content-Type-Options", "nosniff")
                .header("ETag", notNullValue())
                .extract();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.asByteArray()));
        int side = (MODULES + 2 * QUIET_ZONE) * MODULE_PIXELS;
        assertEquals(side, image.getWidth());
        assertEquals(side, image.getHeight());
        // the quiet zone is light all round
        int zone = QUIET_ZONE * MODULE_PIXELS;
        for (int i = 0; i < side; i++) {
            for (int d = 0; d < zone; d++) {
                assertLight(image, i, d);
                assertLight(image, i, side - 1 - d);
                assertLight(image, d, i);
                assertLight(image, side - 1 - d, i);
            }
        }
        assertEquals(member.cardCode(), decode(image));
        assertTrue(!response.header("ETag").contains(member.cardCode()), "the ETag does not tell the code");

        // revalidation: the same ETag answers 304, without a body
        given().auth()
                .oauth2(member.token())
                .header("If-None-Match", response.header("ETag"))
                .when()
                .get("/api/points/members/me/card.png")
                .then()
                .statusCode(SC_NOT_MODIFIED)
                .header("Cache-Control", containsString("private"));

        // an image drawn at error correction M (before 2026-12-04), same code and size, is not current: 200, not 304
        String oldTag = "\""
                + MemberCardResource.fingerprint(member.cardCode() + "|png|" + MODULE_PIXELS + "|" + QUIET_ZONE) + "\"";
        given().auth()
                .oauth2(member.token())
                .header("If-None-Match", oldTag)
                .when()
                .get("/api/points/members/me/card.png")
                .then()
                .statusCode(SC_OK)
                .header("ETag", not(oldTag));
    }

    @Test
    void theSvgIsAQrCodeOfTheRightModuleCountThatDecodesToTheCardCode() throws Exception {
        var member = PointsApi.enrolNewMember();
        var response = given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me/card.svg")
                .then()
                .statusCode(SC_OK)
                .contentType("image/svg+xml")
                .header("Cache-Control", containsString("private"))
                .header("Vary", containsString("Authorization"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
        Element root = svg.getDocumentElement();
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("svg", root.getLocalName());
        int n = MODULES + 2 * QUIET_ZONE;
        assertEquals("0 0 " + n + " " + n, root.getAttribute("viewBox"));
        assertEquals(String.valueOf(n * MODULE_PIXELS), root.getAttribute("width"));

        // render it: the white square, then every rectangle of the path, 4 pixels per module
        Element path = (Element) root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path")
                .item(0);
        assertEquals("#000000", path.getAttribute("fill"));
        boolean[][] dark = new boolean[n][n];
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(path.getAttribute("d"));
        int end = 0;
        while (run.find()) {
            assertEquals(end, run.start(), "the path is only runs of dark modules");
            end = run.end();
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            assertEquals(length, Integer.parseInt(run.group(4)));
            for (int i = 0; i < length; i++) {
                dark[y][x + i] = true;
            }
        }
        assertEquals(path.getAttribute("d").length(), end);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < QUIET_ZONE; d++) {
                assertTrue(!dark[d][i] && !dark[n - 1 - d][i] && !dark[i][d] && !dark[i][n - 1 - d], "quiet zone");
            }
        }
        // the finder pattern's 7x7 dark frame in the top-left corner, right inside the quiet zone
        for (int i = 0; i < 7; i++) {
            assertTrue(dark[QUIET_ZONE][QUIET_ZONE + i] && dark[QUIET_ZONE + 6][QUIET_ZONE + i]);
        }
        int scale = 4;
        BufferedImage image = new BufferedImage(n * scale, n * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, n * scale, n * scale);
        g.setColor(Color.BLACK);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (dark[y][x]) {
                    g.fillRect(x * scale, y * scale, scale, scale);
                }
            }
        }
        g.dispose();
        assertEquals(member.cardCode(), decode(image));
    }

    @Test
    void eachMemberGetsTheirOwnCode() throws Exception {
        var alice = PointsApi.enrolNewMember();
        var bob = PointsApi.enrolNewMember();
        for (var m : List.of(alice, bob)) {
            byte[] png = given().auth()
                    .oauth2(m.token())
                    .when()
                    .get("/api/points/members/me/card.png")
                    .then()
                    .statusCode(SC_OK)
                    .extract()
                    .asByteArray();
            assertEquals(m.cardCode(), decode(ImageIO.read(new ByteArrayInputStream(png))));
        }
    }

    @Test
    void onlyAnEnrolledMemberHasACard() {
        for (String path : List.of(
                "/api/points/members/me/card", "/api/points/members/me/card.png", "/api/points/members/me/card.svg")) {
            given().when().get(path).then().statusCode(SC_UNAUTHORIZED);
            given().auth().oauth2(PointsApi.STAFF).when().get(path).then().statusCode(SC_FORBIDDEN);
            given().auth().oauth2(PointsApi.MARKETER).when().get(path).then().statusCode(SC_FORBIDDEN);
            given().auth()
                    .oauth2(TestTokens.newMember())
                    .when()
                    .get(path)
                    .then()
                    .statusCode(SC_NOT_FOUND)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://loyalty.example.com/problems/not-enrolled"));
        }
        // the routes beside it are still the member resource's
        var member = PointsApi.enrolNewMember();
        given().auth()
                .oauth2(member.token())
                .when()
                .get("/api/points/members/me")
                .then()
                .statusCode(SC_OK)
                .body("cardCode", equalTo(member.cardCode()));
    }

    private static void assertLight(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        assertEquals(0xFFFFFF, rgb, "pixel " + x + "," + y + " of the quiet zone is white");
    }

    /** Decodes as a phone's scanner would: finds the code in the picture (not told it is a pure barcode). */
    static String decode(BufferedImage image) throws IOException {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new MultiFormatReader()
                    .decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)))
                    .getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found in the image", e);
        }
    }
}
