package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.MemberErasure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member whose personal data is erased")
public record ErasureResponse(
        UUID memberId,

        @Schema(description = "The member rows erased: the member, then the members merged into it")
        List<UUID> memberIds,

        Instant erasedAt,

        @Schema(description = "True when the member had been erased before and nothing changed now")
        boolean replayed) {

    static ErasureResponse from(MemberErasure.Erasure e) {
        return new ErasureResponse(e.memberId(), e.memberIds(), e.erasedAt(), e.replayed());
    }
}
