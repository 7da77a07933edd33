-- #23 reveal one field, with a reason: a fourth value of the visibility matrix between MASKED and FULL.
-- REVEALABLE shows a field masked, and lets the caller reveal single fields of one record in full for a few
-- minutes with a reason that is audited (POST /api/v1/tickets/{id}/reveal, /customers/{id}/reveal).
alter table visibility_rule drop constraint visibility_known;
alter table visibility_rule add constraint visibility_known
    check (visibility in ('FULL', 'REVEALABLE', 'MASKED', 'HIDDEN'));

-- The default: agents (tier 1, the ones who call customers back) may reveal the CONFIDENTIAL data they see masked
-- today. Nothing is widened without a reveal. Engineers and contractors stay MASKED (they work the problem, not the
-- customer; a contractor is external), RESTRICTED stays as it is for everyone (payment and government
-- identifiers are never revealed just in time). Only a cell still at its default MASKED changes, as a versioned
-- change with its history row, as if a privacy officer had made it; a cell a privacy officer set is left alone.
insert into policy_change (id, kind, target, version, old_value, new_value, reason, changed_by, changed_at)
select nextval('policy_change_seq'), 'VISIBILITY', rule_key, version + 1, 'MASKED', 'REVEALABLE',
       'Default of #23: agents may reveal one field of one record at a time, with a reason, for a call back',
       'system:migration', current_timestamp
from visibility_rule where rule_key = 'AGENT:CONFIDENTIAL' and visibility = 'MASKED';

update visibility_rule set visibility = 'REVEALABLE', version = version + 1, changed_at = current_timestamp,
                           changed_by = 'system:migration'
where rule_key = 'AGENT:CONFIDENTIAL' and visibility = 'MASKED';
