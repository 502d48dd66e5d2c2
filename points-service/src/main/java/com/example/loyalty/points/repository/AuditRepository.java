package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.AuditEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, UUID> {}
