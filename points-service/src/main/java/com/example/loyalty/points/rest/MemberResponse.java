package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.MemberView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member's account: balance, tier and progress to the next tier")
public record MemberResponse(
        @Schema(description = "Member id, the same across every channel")
        UUID id,

        @Schema(description = "The member's id in the system they were imported from; null if they enrolled here")
        String externalId,

        @Schema(description = "16-digit card code with a Luhn check digit, shown as QR/barcode on the digital card")
        String cardCode,

        String displayName,
        String email,

        @Schema(description = "The identity provider vouched for the e-mail: staff can find the member by it")
        boolean emailVerified,

        String phone,

        @Schema(description = "The identity provider vouched for the phone: staff can find the member by it")
        boolean phoneVerified,

        @Schema(description = "Points balance; always the sum of the ledger, and available + pending")
        long balance,

        @Schema(description = "Points that can be spent now")
        long available,

        @Schema(
                description = "Points not spendable yet: what purchases earned during their return window "
                        + "(points.lots.pending-days); they become available when it closes, unless a return takes "
                        + "them back")
        long pending,

        @Schema(
                description = "Points owed: what returns or revoked awards could not take back because they were "
                        + "spent; the next points earned pay it first (the balance is 0 while there is debt)")
        long debt,

        @Schema(description = "Code of the current tier", examples = "SILVER")
        String tier,

        @Schema(description = "Display name of the current tier", examples = "Silver")
        String tierName,

        @Schema(description = "Earning multiplier of the current tier")
        BigDecimal multiplier,

        @Schema(description = "Qualifying spend in the rolling window, in minor units (history purchases left out)")
        long rollingSpend,

        @Schema(description = "Length of the rolling window in months")
        int windowMonths,

        @Schema(description = "The next tier and what it needs; null at the top tier")
        NextTier nextTier,

        Instant enrolledAt,

        @Schema(description = "The member's birthday (earns the BIRTHDAY action's points on the day); null: not given")
        LocalDate birthday) {

    @Schema(description = "What the next tier needs")
    public record NextTier(
            String tier,
            String tierName,
            long thresholdSpend,

            @Schema(description = "Spend still needed in the rolling window")
            long spendNeeded) {}

    public static MemberResponse from(MemberView v) {
        NextTier next = v.nextTier()
                .map(n -> new NextTier(n.code(), n.name(), n.thresholdSpend(), v.spendToNextTier()))
                .orElse(null);
        return new MemberResponse(
                v.id(),
                v.externalId(),
                v.cardCode(),
                v.displayName(),
                v.email(),
                v.emailVerified(),
                v.phone(),
                v.phoneVerified(),
                v.balance(),
                v.available(),
                v.pending(),
                v.debt(),
                v.tier().code(),
                v.tier().name(),
                v.tier().multiplier(),
                v.rollingSpend(),
                v.windowMonths(),
                next,
                v.enrolledAt(),
                v.birthday());
    }
}
