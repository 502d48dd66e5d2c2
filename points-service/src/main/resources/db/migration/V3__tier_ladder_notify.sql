-- Every change of the tier ladder bumps tier_ladder.version in the same transaction; this tells every
-- points-service instance at commit (NOTIFY is delivered on commit only), so each can drop its cached ladder.
CREATE FUNCTION tier_ladder_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('tier_ladder_changed', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER tier_ladder_changed AFTER INSERT OR UPDATE OR DELETE ON tier_ladder
    FOR EACH STATEMENT EXECUTE FUNCTION tier_ladder_notify();
CREATE TRIGGER tier_changed AFTER INSERT OR UPDATE OR DELETE ON tier
    FOR EACH STATEMENT EXECUTE FUNCTION tier_ladder_notify();
