package com.example.loyalty.points;

import com.example.loyalty.points.service.Reconciliation;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.util.List;

/** Runs the reconciliation inside the running application (see {@link AccountingInvariantsExtension}). */
public final class ReconciliationProbe {

    private ReconciliationProbe() {}

    /** The violations of the accounting invariants, one line each; none when the application is not running. */
    public static List<String> violations() {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return List.of();
        }
        return container.instance(Reconciliation.class).get().run().describe();
    }
}
