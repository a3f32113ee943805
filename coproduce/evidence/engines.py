"""Spark for the evidence engine: a local session here, a cluster in production.

``SPARK_MASTER`` names the cluster (``spark://host:7077`` for a standalone cluster; see
``coproduce bench spark``, which starts one on loopback). When it is unset, Spark runs in
this process's JVM in local mode on two cores (``local[2]``, as this machine has): no
cluster is needed or looked for. ``SPARK_EXECUTOR_MEMORY`` sets each executor's memory on
a cluster (2g unless given; a cluster's workers must offer at least that), and
``SPARK_DRIVER_MEMORY`` the driver's (4g), which in local mode does all the work. The
session keeps times as they are in the extract (wall-clock times, no offset), so Spark
and DuckDB put every row in the same month.
"""

from __future__ import annotations

import logging
import os
from typing import Any


def spark_session() -> Any:
    from pyspark.sql import SparkSession

    # py4j says goodbye at interpreter exit, after logging's streams may be closed.
    logging.getLogger("py4j").setLevel(logging.WARNING)

    builder = (
        SparkSession.builder.appName("coproduce-evidence")
        .master(os.environ.get("SPARK_MASTER", "local[2]"))
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", os.environ.get("SPARK_SHUFFLE_PARTITIONS", "8"))
        .config("spark.driver.memory", os.environ.get("SPARK_DRIVER_MEMORY", "4g"))
        .config("spark.executor.memory", os.environ.get("SPARK_EXECUTOR_MEMORY", "2g"))
        .config("spark.sql.parquet.inferTimestampNTZ.enabled", "true")
    )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
