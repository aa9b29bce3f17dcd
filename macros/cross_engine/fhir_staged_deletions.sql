{#- The rows an incremental staging run adds for the deletions among `relation`'s latest versions: a
    deletion has no resource for the view to flatten, so it arrives as a row of its key, every view column
    null, and the envelope; delete+insert drops the stored rows of that key with it, and the model's
    post-hook removes it (is_deleted). `condition` (over alias `deletions`) picks the rows: by default the
    deletions; a view of several rows per resource also passes the new versions that flatten to no row (an
    EOB whose items are gone), whose stored rows must go the same way. A `null_columns` entry is a name, or
    [name, type] for a type with a precision (decimal(18, 2)): PostgreSQL types a union's column from a
    bare NULL without one, and the incremental run then fails on the changed type (on_schema_change). -#}
{% macro fhir_staged_deletions(relation, key_column, null_columns, condition='deletions.is_deleted') -%}
    select
        deletions.resource_id as {{ key_column }},
        {%- for column in null_columns %}
        {%- if column is string %}
        null as {{ column }},
        {%- else %}
        cast(null as {{ column[1] }}) as {{ column[0] }},
        {%- endif %}
        {%- endfor %}
        deletions.event_id,
        deletions.version_id,
        deletions.last_updated_at,
        deletions.received_at,
        true as is_deleted
    from {{ relation }} as deletions
    where {{ condition }}
{%- endmacro %}
