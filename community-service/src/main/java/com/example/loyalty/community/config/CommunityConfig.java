package com.example.loyalty.community.config;

import com.example.loyalty.community.domain.ContributionKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;

/** Typed settings of community-service ({@code community.*}). */
@ConfigMapping(prefix = "community")
public interface CommunityConfig {

    Contribution contribution();

    /**
     * The community ranks, lowest first, each {@code Name:threshold} (the code is the name in upper case), e.g.
     * {@code Newcomer:0,Member:20,Contributor:100,Expert:300,Master:1000}. The first starts at 0; thresholds rise.
     */
    @WithDefault("Newcomer:0,Member:20,Contributor:100,Expert:300,Master:1000")
    @NotEmpty
    List<String> ranks();

    Posting posting();

    Views views();

    interface Views {
        /** How often new unique views are folded into the posts' view counts (the counts lag by about this much). */
        @WithDefault("2s")
        String foldEvery();

        /** Most pending views one fold statement takes (a fold repeats until fewer are left). */
        @WithDefault("10000")
        @Min(1)
        int foldBatch();
    }

    interface Contribution {
        /** Score of a post (discussion or question). */
        @WithDefault("5")
        @Min(0)
        @Max(10000)
        int post();

        /** Score of an answer to someone else's question. */
        @WithDefault("10")
        @Min(0)
        @Max(10000)
        int answer();

        /** Score of an answer being accepted. */
        @WithDefault("30")
        @Min(0)
        @Max(10000)
        int acceptedAnswer();

        /** Score of a product review. */
        @WithDefault("10")
        @Min(0)
        @Max(10000)
        int review();

        /** Score of a reaction received from another member. */
        @WithDefault("1")
        @Min(0)
        @Max(10000)
        int reactionReceived();

        /** Score of attending a community event (checked in by staff). */
        @WithDefault("20")
        @Min(0)
        @Max(10000)
        int eventAttended();

        /** The weight of {@code kind}. */
        default int weight(ContributionKind kind) {
            return switch (kind) {
                case POST -> post();
                case ANSWER -> answer();
                case ACCEPTED_ANSWER -> acceptedAnswer();
                case REVIEW -> review();
                case REACTION_RECEIVED -> reactionReceived();
                case EVENT_ATTENDED -> eventAttended();
            };
        }
    }

    interface Posting {
        /** Most posts and comments one member may write in {@link #rateWindow()}; beyond it a 429 problem. */
        @WithDefault("30")
        @Min(1)
        int maxPerWindow();

        @WithDefault("PT1H")
        Duration rateWindow();

        /** Longest title, in characters. */
        @WithDefault("200")
        @Min(1)
        int maxTitleLength();

        /** Longest post body, in characters. */
        @WithDefault("20000")
        @Min(1)
        int maxBodyLength();

        /** Longest comment or answer, in characters. */
        @WithDefault("5000")
        @Min(1)
        int maxCommentLength();

        /** Most tags on a post. */
        @WithDefault("10")
        @Min(0)
        int maxTags();

        /** Longest tag, in characters. */
        @WithDefault("50")
        @Min(1)
        int maxTagLength();
    }
}
