-- Most posts and comments hold no CJK text at all. For them the search document is the 'simple' configuration's vector
-- of the lower-cased text: what community_search_vector (V4) computed anyway, since without a CJK run its bigram part
-- is empty (and an empty tsvector appended changes nothing). One regular-expression test now decides, instead of
-- collecting matches, replacing them and joining an empty array on every title, tag list, body and comment.
create or replace function community_search_vector(doc text) returns tsvector
    language plpgsql immutable parallel safe as $$
declare
    cjk constant text := '[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af]+';
    lowered text := lower(coalesce(doc, ''));
    run text;
    grams text[] := '{}';
    pos int := 0;
    n int;
begin
    if lowered !~ cjk then
        return to_tsvector('simple', lowered);
    end if;
    for run in select m[1] from regexp_matches(lowered, '(' || cjk || ')', 'g') as m loop
        n := char_length(run);
        for i in 1 .. greatest(n - 1, 1) loop
            pos := pos + 1;
            grams := grams || ('''' || substr(run, i, 2) || ''':' || least(pos, 16383));
        end loop;
        if n > 1 then
            grams := grams || ('''' || substr(run, n, 1) || ''':' || least(pos, 16383));
        end if;
        pos := pos + 1;
    end loop;
    return to_tsvector('simple', regexp_replace(lowered, cjk, ' ', 'g')) || array_to_string(grams, ' ')::tsvector;
end
$$;
