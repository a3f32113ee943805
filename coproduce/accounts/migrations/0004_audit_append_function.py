"""On PostgreSQL, a function that adds events to the audit trail in one call.

The chain's head is held from reading it to writing it back. Held from Python, that is
four round trips, each waiting its turn for a busy process's interpreter lock, and every
audited page in the service queues behind it. The function holds it only while the
database does the work. Its hash is the one ``AuditEvent.compute_hash`` works out (the
previous hash and each field, joined by the unit separator, as UTF-8, SHA-256), which
``coproduce.accounts.audit`` checks for every event the function returns.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION coproduce_audit_append(
  p_actor bigint,
  p_occurred_at timestamptz,
  p_occurred_text text,
  p_actions text[],
  p_record_types text[],
  p_record_ids text[],
  p_details text[]
) RETURNS TABLE (out_id bigint, out_previous varchar, out_entry varchar) AS $$
DECLARE
  previous varchar(64);
  current varchar(64);
  i integer;
BEGIN
  SELECT h.entry_hash INTO previous FROM accounts_auditchainhead h WHERE h.id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO accounts_auditchainhead (id, entry_hash, events)
      VALUES (1, repeat('0', 64), 0) ON CONFLICT (id) DO NOTHING;
    SELECT h.entry_hash INTO previous FROM accounts_auditchainhead h WHERE h.id = 1 FOR UPDATE;
  END IF;
  FOR i IN 1 .. coalesce(array_length(p_actions, 1), 0) LOOP
    current := encode(sha256(convert_to(concat_ws(chr(31),
      previous, p_actor::text, p_actions[i], p_record_types[i], p_record_ids[i],
      p_occurred_text, p_details[i]), 'UTF8')), 'hex');
    INSERT INTO accounts_auditevent
      (actor_id, action, record_type, record_id, occurred_at, detail, previous_hash, entry_hash)
      VALUES (p_actor, p_actions[i], p_record_types[i], p_record_ids[i], p_occurred_at,
              p_details[i], previous, current)
      RETURNING id INTO out_id;
    out_previous := previous;
    out_entry := current;
    RETURN NEXT;
    previous := current;
  END LOOP;
  UPDATE accounts_auditchainhead h
    SET entry_hash = previous, events = h.events + coalesce(array_length(p_actions, 1), 0)
    WHERE h.id = 1;
END;
$$ LANGUAGE plpgsql;
"""
DROP_FUNCTION = (
    "DROP FUNCTION IF EXISTS coproduce_audit_append(bigint, timestamptz, text, text[], text[], "
    "text[], text[]);"
)


def add_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)


def drop_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_FUNCTION)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_audit_chain")]

    operations = [migrations.RunPython(add_function, drop_function)]
