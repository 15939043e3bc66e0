#!/usr/bin/env python3
"""Writes a realistic learning-records file for benchmarks: N records (default 1,000,000) of
P people (default 300,000) with valid resident IDs of the demo counties, the four kinds, 2014
dates in the formats offices use, hours, the demo's providers and courses, and each record's
own id (记录编号). Deterministic. Usage: generate_records.py N P OUT.csv"""
import random
import sys
from datetime import date, timedelta

from generate_people import REGIONS, SURNAMES, GIVEN, check

KINDS = [("社区教育", 0.55), ("职业培训", 0.35), ("资格认证", 0.06), ("学历教育", 0.04)]
PROVIDERS = ["CEC-511703", "CEC-511722", "CEC-511723", "CEC-511724", "CEC-511725", "CEC-511781", "CEU",
             "DC-01", "DC-04", "DC-07", "DC-09", "达州市某职业培训学校"]
COURSES = ["市花腊梅种植", "健康坝坝舞", "计算机技术", "法律常识", "家庭理财", "家庭安全", "卫生保健", "书画摄影", "民俗文化",
           "企业经营管理", "专业技术", "实用技术", "就业创业"]


def person(i: int, rng: random.Random) -> tuple[str, str]:
    code, _ = REGIONS[i % len(REGIONS)]
    day = date(1950, 1, 1) + timedelta(days=(i // len(REGIONS)) % 20000)
    body = f"{code}{day:%Y%m%d}{(i // (len(REGIONS) * 20000)) % 1000:03d}"
    return body + check(body), rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


def main(count: int, people: int, out: str) -> None:
    rng = random.Random(20140930)
    persons = [person(i, rng) for i in range(people)]
    kinds, weights = zip(*KINDS)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("记录编号,身份证号,姓名,类型,日期,学时,举办单位,课程\r\n")
        for i in range(count):
            resident_id, name = persons[rng.randrange(people)]
            day = date(2014, 1, 1) + timedelta(days=rng.randrange(365))
            when = rng.choice([f"{day:%Y-%m-%d}", f"{day.year}/{day.month}/{day.day}", f"{day.year}年{day.month}月{day.day}日"])
            f.write(f"R{i:08d},{resident_id},{name},{rng.choices(kinds, weights)[0]},{when},"
                    f"{rng.choice([2, 4, 8, 16, 32])},{rng.choice(PROVIDERS)},{rng.choice(COURSES)}\r\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
