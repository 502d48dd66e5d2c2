-- Every earn asks whether a paid membership period covers the purchase (PaidMembershipBoosts). Until the first
-- period is paid, no purchase can be boosted, so each instance keeps "no period exists" in memory
-- (MembershipPeriodCache) and skips that query. A new period tells every instance at commit (NOTIFY is delivered on
-- commit only), so each drops what it knew and asks again.
-- notify_change(channel) serves any such cache: the channel is the trigger's argument.
CREATE FUNCTION notify_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER membership_period_inserted AFTER INSERT ON membership_period
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change('membership_periods_changed');
