package com.example.loyalty.community.rest;

import com.example.loyalty.community.service.CommunityEvents;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of upcoming events, soonest first")
public record EventPageResponse(
        List<EventResponse> items,
        @Schema(description = "Page number, from 0") int page,
        int size,

        @Schema(description = "Upcoming events on all pages")
        long total) {

    static EventPageResponse from(CommunityEvents.EventPage page) {
        return new EventPageResponse(
                page.items().stream().map(EventResponse::from).toList(), page.page(), page.size(), page.total());
    }
}
