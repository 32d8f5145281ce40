/**
 * Airflow configuration options that Airflow 3 no longer reads: removed, or renamed (often moved to
 * another section). Transcribed from Apache Airflow's own table, `CONFIGS_CHANGES` in
 * airflow-core/src/airflow/cli/commands/config_command.py (the table `airflow config lint` and
 * `airflow config update` use), read in apache/airflow at two commits of main (no 3.0.x tag was
 * reachable here):
 * - 1cd65ea461edfef4afa74e62d962f50fc6b0bd8e: the Airflow 3.0 list, `since: "3.0"`;
 * - 0403de98f12f73de113d4fa55a0563d855723dd4: a later list that also moves the remaining UI options
 *   of `[webserver]` to `[api]` and cookies to `[fab]`. Those entries are `since: "3.1"`, the first
 *   minor release after 3.0, so they do not refuse an option a 3.0.x environment still reads;
 *   re-check them when MWAA offers 3.1 or later.
 *
 * Left out on purpose: default-value changes (`core.executor`, `scheduler.catchup_by_default`,
 * `scheduler.create_cron_data_intervals`, `scheduler.create_delta_data_intervals`): a value a config
 * sets still holds on Airflow 3, so nothing in the file is wrong. Also left out: the removals that
 * only apply when the value equals an old default (`core.hostname` = ":",
 * `logging.log_filename_template`, `elasticsearch.log_id_template`): the option still exists and
 * the old default still works; Airflow only tidies it away. Values Airflow 3 no longer accepts are
 * in AIRFLOW_3_INVALID_VALUES.
 */

/** The first Airflow version that no longer reads an option. */
export type AirflowRelease = "3.0" | "3.1";

export interface Airflow3OptionChange {
  /** The Airflow 2 name, `section.option`. */
  readonly option: string;
  readonly since: AirflowRelease;
  /** The name Airflow 3 reads instead, `section.option`; absent when the option was removed. */
  readonly renamedTo?: string;
  /** Airflow's own advice for a removed option: what replaces it. */
  readonly instead?: string;
}

const removed = (option: string, instead?: string): Airflow3OptionChange => ({ option, since: "3.0", instead });
const renamed = (option: string, renamedTo: string): Airflow3OptionChange => ({ option, since: "3.0", renamedTo });
const later = (change: Airflow3OptionChange): Airflow3OptionChange => ({ ...change, since: "3.1" });

const SMTP_CONNECTION = "Airflow 3 reads the SMTP credentials from the connection smtp_default";

export const AIRFLOW_3_OPTION_CHANGES: readonly Airflow3OptionChange[] = [
  // admin
  renamed("admin.hide_sensitive_variable_fields", "core.hide_sensitive_var_conn_fields"),
  renamed("admin.sensitive_variable_fields", "core.sensitive_var_conn_names"),
  // core
  removed("core.check_slas", "the SLA feature is removed in Airflow 3.0, to be replaced with Airflow Alerts"),
  removed("core.strict_dataset_uri_validation", "asset URIs with a scheme are now always validated strictly"),
  removed("core.dag_default_view"),
  removed("core.dag_orientation"),
  renamed("core.dataset_manager_class", "core.asset_manager_class"),
  renamed("core.dataset_manager_kwargs", "core.asset_manager_kwargs"),
  renamed("core.worker_precheck", "celery.worker_precheck"),
  renamed("core.non_pooled_task_slot_count", "core.default_pool_task_slot_count"),
  renamed("core.dag_concurrency", "core.max_active_tasks_per_dag"),
  renamed("core.sql_alchemy_conn", "database.sql_alchemy_conn"),
  renamed("core.sql_engine_encoding", "database.sql_engine_encoding"),
  renamed("core.sql_engine_collation_for_ids", "database.sql_engine_collation_for_ids"),
  renamed("core.sql_alchemy_pool_enabled", "database.sql_alchemy_pool_enabled"),
  renamed("core.sql_alchemy_pool_size", "database.sql_alchemy_pool_size"),
  renamed("core.sql_alchemy_max_overflow", "database.sql_alchemy_max_overflow"),
  renamed("core.sql_alchemy_pool_recycle", "database.sql_alchemy_pool_recycle"),
  renamed("core.sql_alchemy_pool_pre_ping", "database.sql_alchemy_pool_pre_ping"),
  renamed("core.sql_alchemy_schema", "database.sql_alchemy_schema"),
  renamed("core.sql_alchemy_connect_args", "database.sql_alchemy_connect_args"),
  renamed("core.load_default_connections", "database.load_default_connections"),
  renamed("core.max_db_retries", "database.max_db_retries"),
  removed("core.task_runner"),
  removed("core.enable_xcom_pickling"),
  renamed("core.dag_file_processor_timeout", "dag_processor.dag_file_processor_timeout"),
  removed("core.dag_processor_manager_log_location"),
  removed("core.log_processor_filename_template"),
  // api
  renamed("api.access_control_allow_origin", "api.access_control_allow_origins"),
  renamed("api.auth_backend", "fab.auth_backends"),
  renamed("api.auth_backends", "fab.auth_backends"),
  // logging
  removed("logging.enable_task_context_logger", "task log messages outside the execution context go to the Log table"),
  removed("logging.dag_processor_manager_log_location"),
  removed("logging.dag_processor_manager_log_stdout"),
  removed("logging.log_processor_filename_template"),
  // metrics
  removed("metrics.metrics_use_pattern_match"),
  removed("metrics.timer_unit_consistency", "every timer metric is in milliseconds, Airflow 3's only behaviour"),
  renamed("metrics.statsd_allow_list", "metrics.metrics_allow_list"),
  renamed("metrics.statsd_block_list", "metrics.metrics_block_list"),
  // traces
  removed("traces.otel_task_log_event"),
  // operators
  removed("operators.allow_illegal_arguments"),
  // webserver: Airflow 3 replaces the Flask webserver with the API server and a new UI.
  removed("webserver.allow_raw_html_descriptions"),
  removed("webserver.cookie_samesite"),
  removed("webserver.audit_view_included_events"),
  removed("webserver.audit_view_excluded_events"),
  renamed("webserver.update_fab_perms", "fab.update_fab_perms"),
  renamed("webserver.auth_rate_limited", "fab.auth_rate_limited"),
  renamed("webserver.auth_rate_limit", "fab.auth_rate_limit"),
  renamed("webserver.config_file", "fab.config_file"),
  renamed("webserver.session_backend", "fab.session_backend"),
  renamed("webserver.session_lifetime_days", "fab.session_lifetime_minutes"),
  renamed("webserver.force_log_out_after", "fab.session_lifetime_minutes"),
  renamed("webserver.session_lifetime_minutes", "fab.session_lifetime_minutes"),
  renamed("webserver.access_denied_message", "fab.access_denied_message"),
  renamed("webserver.expose_hostname", "fab.expose_hostname"),
  renamed("webserver.navbar_color", "fab.navbar_color"),
  renamed("webserver.navbar_text_color", "fab.navbar_text_color"),
  renamed("webserver.navbar_hover_color", "fab.navbar_hover_color"),
  renamed("webserver.navbar_text_hover_color", "fab.navbar_text_hover_color"),
  removed("webserver.x_frame_enabled"),
  renamed("webserver.base_url", "api.base_url"),
  renamed("webserver.secret_key", "api.secret_key"),
  renamed("webserver.web_server_host", "api.host"),
  renamed("webserver.web_server_port", "api.port"),
  renamed("webserver.workers", "api.workers"),
  renamed("webserver.web_server_worker_timeout", "api.worker_timeout"),
  renamed("webserver.web_server_ssl_cert", "api.ssl_cert"),
  renamed("webserver.web_server_ssl_key", "api.ssl_key"),
  renamed("webserver.access_logfile", "api.access_logfile"),
  renamed("webserver.enable_swagger_ui", "api.enable_swagger_ui"),
  removed("webserver.error_logfile"),
  removed("webserver.access_logformat"),
  removed("webserver.web_server_master_timeout"),
  removed("webserver.worker_refresh_batch_size"),
  removed("webserver.worker_refresh_interval"),
  removed("webserver.reload_on_plugin_change"),
  removed("webserver.worker_class"),
  removed("webserver.expose_stacktrace"),
  removed("webserver.log_fetch_delay_sec"),
  removed("webserver.log_auto_tailing_offset"),
  removed("webserver.log_animation_speed"),
  removed("webserver.default_dag_run_display_number"),
  renamed("webserver.enable_proxy_fix", "fab.enable_proxy_fix"),
  renamed("webserver.proxy_fix_x_for", "fab.proxy_fix_x_for"),
  renamed("webserver.proxy_fix_x_proto", "fab.proxy_fix_x_proto"),
  renamed("webserver.proxy_fix_x_host", "fab.proxy_fix_x_host"),
  renamed("webserver.proxy_fix_x_port", "fab.proxy_fix_x_port"),
  renamed("webserver.proxy_fix_x_prefix", "fab.proxy_fix_x_prefix"),
  renamed("webserver.expose_config", "api.expose_config"),
  removed("webserver.cookie_secure"),
  removed("webserver.analytics_tool"),
  removed("webserver.analytics_id"),
  removed("webserver.analytics_url"),
  removed("webserver.show_recent_stats_for_completed_runs"),
  removed("webserver.run_internal_api"),
  removed("webserver.caching_hash_method"),
  removed("webserver.show_trigger_form_if_no_params"),
  removed("webserver.num_recent_configurations_for_trigger"),
  removed("webserver.allowed_payload_size"),
  removed("webserver.max_form_memory_size"),
  removed("webserver.max_form_parts"),
  removed("webserver.default_ui_timezone"),
  removed("webserver.navbar_logo_text_color"),
  // policy
  renamed("policy.airflow_local_settings", "policy.task_policy"),
  // scheduler
  removed("scheduler.dependency_detector"),
  removed("scheduler.allow_trigger_in_future"),
  renamed("scheduler.processor_poll_interval", "scheduler.scheduler_idle_sleep_time"),
  renamed("scheduler.deactivate_stale_dags_interval", "scheduler.parsing_cleanup_interval"),
  renamed("scheduler.statsd_on", "metrics.statsd_on"),
  renamed("scheduler.max_threads", "dag_processor.parsing_processes"),
  renamed("scheduler.statsd_host", "metrics.statsd_host"),
  renamed("scheduler.statsd_port", "metrics.statsd_port"),
  renamed("scheduler.statsd_prefix", "metrics.statsd_prefix"),
  renamed("scheduler.statsd_allow_list", "metrics.statsd_allow_list"),
  renamed("scheduler.stat_name_handler", "metrics.stat_name_handler"),
  renamed("scheduler.statsd_datadog_enabled", "metrics.statsd_datadog_enabled"),
  renamed("scheduler.statsd_datadog_tags", "metrics.statsd_datadog_tags"),
  renamed("scheduler.statsd_datadog_metrics_tags", "metrics.statsd_datadog_metrics_tags"),
  renamed("scheduler.statsd_custom_client_path", "metrics.statsd_custom_client_path"),
  renamed("scheduler.parsing_processes", "dag_processor.parsing_processes"),
  renamed("scheduler.file_parsing_sort_mode", "dag_processor.file_parsing_sort_mode"),
  renamed("scheduler.max_callbacks_per_loop", "dag_processor.max_callbacks_per_loop"),
  renamed("scheduler.min_file_process_interval", "dag_processor.min_file_process_interval"),
  renamed("scheduler.stale_dag_threshold", "dag_processor.stale_dag_threshold"),
  renamed("scheduler.print_stats_interval", "dag_processor.print_stats_interval"),
  renamed("scheduler.dag_dir_list_interval", "dag_processor.refresh_interval"),
  renamed("scheduler.local_task_job_heartbeat_sec", "scheduler.task_instance_heartbeat_sec"),
  renamed("scheduler.scheduler_zombie_task_threshold", "scheduler.task_instance_heartbeat_timeout"),
  renamed("scheduler.zombie_detection_interval", "scheduler.task_instance_heartbeat_timeout_detection_interval"),
  renamed("scheduler.child_process_log_directory", "logging.dag_processor_child_process_log_directory"),
  // celery
  renamed("celery.stalled_task_timeout", "scheduler.task_queued_timeout"),
  renamed("celery.default_queue", "operators.default_queue"),
  renamed("celery.task_adoption_timeout", "scheduler.task_queued_timeout"),
  // kubernetes_executor
  renamed("kubernetes_executor.worker_pods_pending_timeout", "scheduler.task_queued_timeout"),
  renamed("kubernetes_executor.worker_pods_pending_timeout_check_interval", "scheduler.task_queued_timeout_check_interval"),
  // smtp
  removed("smtp.smtp_user", SMTP_CONNECTION),
  removed("smtp.smtp_password", SMTP_CONNECTION),
  // database
  removed("database.load_default_connections"),
  // triggerer
  renamed("triggerer.default_capacity", "triggerer.capacity"),

  // After 3.0 (see the file comment): the UI options left in [webserver] move to [api], cookies to [fab].
  later(renamed("webserver.instance_name", "api.instance_name")),
  later(renamed("webserver.cookie_samesite", "fab.cookie_samesite")),
  later(renamed("webserver.cookie_secure", "fab.cookie_secure")),
  later(renamed("webserver.grid_view_sorting_order", "api.grid_view_sorting_order")),
  later(renamed("webserver.log_fetch_timeout_sec", "api.log_fetch_timeout_sec")),
  later(renamed("webserver.hide_paused_dags_by_default", "api.hide_paused_dags_by_default")),
  later(renamed("webserver.page_size", "api.page_size")),
  later(renamed("webserver.default_wrap", "api.default_wrap")),
  later(renamed("webserver.require_confirmation_dag_change", "api.require_confirmation_dag_change")),
  later(removed("webserver.instance_name_has_markup")),
  later(removed("webserver.warn_deployment_exposure")),
  later(renamed("webserver.auto_refresh_interval", "api.auto_refresh_interval")),
  later(renamed("api.page_size", "api.fallback_page_limit")),
];

/** A value Airflow 3 refuses for an option it still reads (Airflow's `is_invalid_if`, and a removed module path). */
export interface Airflow3InvalidValue {
  readonly option: string;
  readonly value: string;
  readonly since: AirflowRelease;
  /** Why, and the fix. */
  readonly fix: string;
}

export const AIRFLOW_3_INVALID_VALUES: readonly Airflow3InvalidValue[] = [
  { option: "core.parallelism", value: "0", since: "3.0", fix: "Airflow 3 no longer reads 0 as unlimited; set a value greater than 0" },
  {
    option: "email.email_backend",
    value: "airflow.contrib.utils.sendgrid.send_email",
    since: "3.0",
    fix: "names a module of airflow.contrib, which Airflow 3 removed; leave it out for the SMTP default",
  },
];
