package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.domain.clv.ClvModel;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A fitted lifetime value model: BG/NBD for purchase occasions, Gamma-Gamma for spend")
public record ClvModelResponse(
        @Schema(description = "ISO 4217 currency the model is for", examples = "USD")
        String currency,

        @Schema(description = "Last day of the calibration period (included)", examples = "1997-09-30")
        LocalDate calibrationEnd,

        @Schema(description = "The zone whose calendar days purchases were counted on", examples = "Asia/Tokyo")
        String zone,

        @Schema(description = "Members with a purchase in the currency up to the calibration end")
        int members,

        @Schema(description = "Those of them with a repeat purchase day (the Gamma-Gamma sample)")
        int repeaters,

        @Schema(description = "When the model was fitted") Instant fittedAt,

        @Schema(description = "BG/NBD parameters (time in weeks)")
        BgNbdParameters bgNbd,

        @Schema(description = "Gamma-Gamma parameters (spend in major units of the currency)")
        GammaGammaParameters gammaGamma) {

    @Schema(
            description = "BG/NBD (Fader, Hardie & Lee 2005): purchase rate λ ~ Gamma(r, alpha), drop-out after each "
                    + "purchase with p ~ Beta(a, b); maximum likelihood")
    public record BgNbdParameters(
            @Schema(description = "Shape of the purchase-rate distribution", examples = "0.243")
            double r,

            @Schema(description = "Scale of the purchase-rate distribution, weeks", examples = "4.414")
            double alpha,

            @Schema(description = "First shape of the drop-out distribution", examples = "0.793")
            double a,

            @Schema(description = "Second shape of the drop-out distribution", examples = "2.426")
            double b,

            @Schema(description = "Log-likelihood at the optimum, summed over members", examples = "-9582.43")
            double logLikelihood) {}

    @Schema(
            description = "Gamma-Gamma (Fader, Hardie & Lee 2005; Fader & Hardie's note): spend per occasion "
                    + "~ Gamma(p, ν_i), ν_i ~ Gamma(q, v); fitted on repeaters' mean repeat-day spend")
    public record GammaGammaParameters(
            @Schema(description = "Shape of a member's spend per occasion", examples = "6.25")
            double p,

            @Schema(description = "Shape of the heterogeneity across members", examples = "3.74")
            double q,

            @Schema(description = "Scale of the heterogeneity, major units of the currency", examples = "15.44")
            double v,

            @Schema(description = "Log-likelihood at the optimum, summed over repeaters")
            double logLikelihood) {}

    static ClvModelResponse from(ClvModel m) {
        return new ClvModelResponse(
                m.currency(),
                m.calibrationEnd(),
                m.zone().getId(),
                m.members(),
                m.repeaters(),
                m.fittedAt(),
                new BgNbdParameters(
                        m.bgNbd().r(),
                        m.bgNbd().alpha(),
                        m.bgNbd().a(),
                        m.bgNbd().b(),
                        m.bgNbdLogLikelihood()),
                new GammaGammaParameters(
                        m.gammaGamma().p(), m.gammaGamma().q(), m.gammaGamma().v(), m.gammaGammaLogLikelihood()));
    }
}
