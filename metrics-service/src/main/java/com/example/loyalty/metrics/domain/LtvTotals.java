package com.example.loyalty.metrics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of members (a cohort, or all of them) and the lifetime values that follow from their sums: each form is
 * linear in the members' revenue and annualised revenue, so the group's total of a form is the sum of its members'
 * values without visiting members one by one. Members are added in groups that share the day of their first purchase,
 * hence their tenure (a cohort has at most 31); amounts in minor units. Each group's value is computed as
 * {@link LtvMember} computes a member's, with its one division last, so a cohort of one member has exactly that
 * member's values.
 */
public final class LtvTotals {

    private record Group(long tenureDays, long members, long purchases, BigDecimal revenue) {}

    private final List<Group> groups = new ArrayList<>();
    private long members;
    private long purchases;
    private BigDecimal revenue = BigDecimal.ZERO;

    /**
     * Adds {@code members} members whose first purchase was on {@code firstPurchaseDay}, with their purchases and
     * revenue up to {@code asOf}.
     */
    public LtvTotals add(LocalDate firstPurchaseDay, long members, long purchases, BigDecimal revenue, LocalDate asOf) {
        groups.add(new Group(LtvMath.tenureDays(firstPurchaseDay, asOf), members, purchases, revenue));
        this.members += members;
        this.purchases += purchases;
        this.revenue = this.revenue.add(revenue);
        return this;
    }

    /** Adds another group's members. */
    public LtvTotals add(LtvTotals other) {
        groups.addAll(other.groups);
        members += other.members;
        purchases += other.purchases;
        revenue = revenue.add(other.revenue);
        return this;
    }

    public long members() {
        return members;
    }

    public long purchases() {
        return purchases;
    }

    /** Sum of the members' revenue, minor units. */
    public BigDecimal revenue() {
        return revenue;
    }

    /** Revenue ÷ purchases (null without purchases), minor units. */
    public BigDecimal averageOrderValue() {
        return purchases == 0 ? null : LtvMath.divide(revenue, BigDecimal.valueOf(purchases));
    }

    /** Mean of the members' purchases per year (null without members). */
    public BigDecimal averagePurchasesPerYear() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Group g : groups) {
            sum = sum.add(LtvMath.perYear(BigDecimal.valueOf(g.purchases()), g.tenureDays()));
        }
        return mean(sum);
    }

    /** Mean of the members' annual revenue (null without members), minor units. */
    public BigDecimal averageAnnualRevenue() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Group g : groups) {
            sum = sum.add(LtvMath.perYear(g.revenue(), g.tenureDays()));
        }
        return mean(sum);
    }

    /** Sum of the members' lifetime values of {@code form}, minor units. */
    public BigDecimal total(LtvForm form, LtvParameters p) {
        if (form == LtvForm.HISTORICAL) {
            return revenue; // Σ AOVᵢ × nᵢ = Σ revenueᵢ
        }
        BigDecimal annualRevenueForm = BigDecimal.ZERO;
        for (Group g : groups) {
            annualRevenueForm = annualRevenueForm.add(LtvMath.annualRevenueForm(g.revenue(), g.tenureDays(), p));
        }
        if (form == LtvForm.ANNUAL_REVENUE) {
            return annualRevenueForm;
        }
        // Σ (AOVᵢ × m × PPYᵢ × Y − cost) = Σ ARᵢ × m × Y − members × cost, as AOVᵢ × PPYᵢ = ARᵢ
        return annualRevenueForm.subtract(p.costPerMember().multiply(BigDecimal.valueOf(members)));
    }

    /** Mean of the members' lifetime values of {@code form} (null without members), minor units. */
    public BigDecimal average(LtvForm form, LtvParameters p) {
        return mean(total(form, p));
    }

    private BigDecimal mean(BigDecimal sum) {
        return members == 0 ? null : LtvMath.divide(sum, BigDecimal.valueOf(members));
    }
}
