import { AIRFLOW_3_INVALID_VALUES, AIRFLOW_3_OPTION_CHANGES } from "../../config/airflow-3-option-changes";
import { MWAA_MANAGED_OPTIONS } from "../../config/mwaa-managed-options";

/** A key MWAA's API and the config schema accept: lowercase `section.option`, at most 64 characters. */
const OPTION_KEY = /^(?=.{1,64}$)[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

describe("the tables of Airflow 3 option changes and MWAA-managed options", () => {
  it("name every option as a key a config file can hold", () => {
    const names = [
      ...AIRFLOW_3_OPTION_CHANGES.flatMap((change) => [change.option, ...(change.renamedTo ? [change.renamedTo] : [])]),
      ...AIRFLOW_3_INVALID_VALUES.map((entry) => entry.option),
      ...MWAA_MANAGED_OPTIONS[2],
      ...MWAA_MANAGED_OPTIONS[3],
    ];
    expect(names.filter((name) => !OPTION_KEY.test(name))).toEqual([]);
  });

  it("say once per release what happened to an option", () => {
    const keys = AIRFLOW_3_OPTION_CHANGES.map((change) => `${change.option}@${change.since}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it("never rename an option to itself", () => {
    expect(AIRFLOW_3_OPTION_CHANGES.filter((change) => change.renamedTo === change.option)).toEqual([]);
  });
});
