{#- The physical design DDL of the current target (macros/physical_design/aegis_physical_design_plan.sql):
    compile it with --target redshift_parse or fakesnow. Executes nothing. -#}
{{ aegis.aegis_physical_design_plan() }}
