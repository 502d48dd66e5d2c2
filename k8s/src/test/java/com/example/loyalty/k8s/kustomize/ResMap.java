package com.example.loyalty.k8s.kustomize;

import java.util.ArrayList;
import java.util.List;

/** The resources accumulated so far, in order; two with the same id are an error, as in kustomize. */
final class ResMap {
    final List<Resource> resources = new ArrayList<>();

    void append(Resource r, String source) {
        for (Resource existing : resources) {
            if (existing.curId().matches(r.curId())) {
                throw new KustomizeException(
                        source + ": may not add resource with an already registered id: " + r.curId());
            }
        }
        resources.add(r);
    }

    void appendAll(ResMap other, String source) {
        for (Resource r : other.resources) {
            append(r, source);
        }
    }
}
