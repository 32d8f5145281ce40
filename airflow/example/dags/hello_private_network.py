"""A first DAG for the example environment: it runs in the private network and reaches nothing else.

Files in airflow/<env>/dags/ are uploaded to the environment's DAG bucket under airflow.dagS3Path
by `cdktf deploy`. Replace this one with your own.
"""
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator

with DAG(
    dag_id="hello_private_network",
    start_date=datetime(2026, 1, 1),
    schedule=None,
    catchup=False,
    tags=["example"],
) as dag:
    BashOperator(task_id="hello", bash_command="echo 'Hello from a private MWAA environment'")
