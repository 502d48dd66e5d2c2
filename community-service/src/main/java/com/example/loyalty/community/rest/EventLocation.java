package com.example.loyalty.community.rest;

import com.example.loyalty.community.domain.CommunityEvent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Where an event takes place: online, or in one store (not both)")
public record EventLocation(
        @Schema(description = "An online event") Boolean online,

        @Schema(description = "The store's id, for an event in a store", examples = "S001") @Size(max = 64)
        String storeId) {

    static EventLocation of(CommunityEvent event) {
        if (!event.online && event.storeId == null) {
            return null;
        }
        return new EventLocation(event.online, event.storeId);
    }
}
