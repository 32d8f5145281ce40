/**
 * Airflow options MWAA sets itself, per Airflow major version. MWAA writes a config's
 * `airflow_configuration_options` as `AIRFLOW__SECTION__OPTION` environment variables
 * (https://docs.aws.amazon.com/mwaa/latest/userguide/configuring-env-variables.html), then lays its
 * own "essential" options over them: a config that sets one of these is silently overridden, so the
 * file would claim a setting the environment does not have. Source: the images MWAA runs,
 * aws/amazon-mwaa-docker-images, `get_essential_airflow_config()` in
 * images/airflow/2.11.0/python/mwaa/config/airflow.py (commit f7ff034437e6) and
 * images/airflow/3.0.6/python/mwaa/config/airflow.py (commit 42bd3d487a37); setup_environment.py
 * merges them after the user's options ("essential and cannot be overridden by the customer").
 *
 * Not listed: `metrics.*`, which MWAA resets only when its CloudWatch metrics integration is on
 * (it still honours `metrics.statsd_on`, `metrics.metrics_allow_list` and
 * `metrics.metrics_block_list`); the options MWAA sets only in its development images
 * (`api.auth_backends`, `core.simple_auth_manager_*`); and MWAA's "opinionated" defaults, which a
 * config may override.
 */

/** Set by MWAA on every Airflow version it runs from these images. */
const BOTH = [
  "celery.broker_url",
  "celery.celery_config_options",
  "celery.result_backend",
  "celery.worker_enable_remote_control",
  "celery_broker_transport_options.visibility_timeout",
  "core.executor",
  "core.fernet_key",
  "core.load_examples",
  "database.sql_alchemy_conn",
  "logging.logging_config_class",
  "operators.default_queue",
  "scheduler.standalone_dag_processor",
];

export const MWAA_MANAGED_OPTIONS: Readonly<Record<2 | 3, readonly string[]>> = {
  2: [...BOTH, "database.sql_alchemy_connect_args", "webserver.config_file", "webserver.cookie_secure", "webserver.secret_key"],
  3: [
    ...BOTH,
    "api.secret_key",
    "api_auth.jwt_algorithm",
    "api_auth.jwt_secret",
    "core.auth_manager",
    "core.execution_api_server_url",
    "execution_api.jwt_expiration_time",
    "fab.config_file",
    "logging.colored_console_log",
  ],
};
