package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.CommunityEvents;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A recorded attendance and the contribution it earned")
public record AttendanceResponse(
        UUID registrationId,
        UUID eventId,
        UUID memberId,
        Instant attendedAt,

        @Schema(description = "The EVENT_ATTENDED contribution")
        UUID contributionId,

        @Schema(description = "Its weight, added to the member's score")
        int weight) {

    static AttendanceResponse from(CommunityEvents.Attendance a) {
        return new AttendanceResponse(
                a.registrationId(), a.eventId(), a.memberId(), a.attendedAt(), a.contributionId(), a.weight());
    }
}
