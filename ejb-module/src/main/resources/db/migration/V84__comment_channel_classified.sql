-- #23: a comment's channel (AGENT, EMAIL, PHONE, CHAT) was never classified, so the policy (fail closed) hid it
-- from everyone and the portal's comment line ended in "PUBLIC ·". It says how a message came in, like the
-- comment's visibility: INTERNAL, shown to staff as the matrix shows INTERNAL data.
insert into classification_entry (field_key, entity_name, field_name, classification, mask_style, version, changed_at, changed_by)
values ('comment.channel', 'comment', 'channel', 'INTERNAL', 'NONE', 1, current_timestamp, 'system:migration')
on conflict (field_key) do nothing;
