package com.example.loyalty.points.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The members whose birthday the birthday job credits. */
@ApplicationScoped
public class BirthdayRepository {

    private final EntityManager em;

    public BirthdayRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Up to {@code limit} members after {@code after} (null: from the first), by id, whose birthday falls on
     * {@code day} and who have no BIRTHDAY award for its year: members with a birthday on that month and day, and on
     * 28 February of a year without a 29th those born on 29 February too. Merged and erased members are left out.
     */
    public List<UUID> due(LocalDate day, UUID after, int limit) {
        boolean leapDayToo = day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear();
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select m.id from member m where m.birthday is not null "
                    + "and m.merged_into is null and m.erased_at is null "
                    + "and ((extract(month from m.birthday) = ? and extract(day from m.birthday) = ?) "
                    + "or (? and extract(month from m.birthday) = 2 and extract(day from m.birthday) = 29)) "
                    + "and (?::uuid is null or m.id > ?::uuid) "
                    + "and not exists (select 1 from action_award a where a.member_id = m.id "
                    + "and a.action = 'BIRTHDAY' and a.award_key = ?) "
                    + "order by m.id limit ?")) {
                ps.setInt(1, day.getMonthValue());
                ps.setInt(2, day.getDayOfMonth());
                ps.setBoolean(3, leapDayToo);
                ps.setObject(4, after);
                ps.setObject(5, after);
                ps.setString(6, String.valueOf(day.getYear()));
                ps.setInt(7, limit);
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }
}
