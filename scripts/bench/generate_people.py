#!/usr/bin/env python3
"""Writes a realistic people file for benchmarks: N rows with valid, unique resident IDs of the
demo city's counties, Chinese names, mobile numbers and the other columns of design.md §4.
Deterministic: the same N gives the same file. Usage: generate_people.py N OUT.csv"""
import random
import sys
from datetime import date, timedelta

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
REGIONS = [("511702", "通川区"), ("511703", "达川区"), ("511722", "宣汉县"), ("511723", "开江县"),
           ("511724", "大竹县"), ("511725", "渠县"), ("511781", "万源市")]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉兰志强春燕海燕晓东文斌丹丹婷婷浩然子涵欣怡思远雨轩"
OCCUPATIONS = ["党政干部", "企业经营管理人员", "专业技术人员", "技能人员", "农民", "其他"]


def check(body: str) -> str:
    return "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


def main(count: int, out: str) -> None:
    rng = random.Random(20140711)
    base = date(1950, 1, 1)
    span = 20000  # days of birth dates
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("姓名,身份证号,性别,手机号,区县,城乡,就业状态,职业类别\r\n")
        for i in range(count):
            code, name = REGIONS[i % len(REGIONS)]
            day = base + timedelta(days=(i // len(REGIONS)) % span)
            seq = (i // (len(REGIONS) * span)) % 1000
            body = f"{code}{day:%Y%m%d}{seq:03d}"
            resident_id = body + check(body)
            gender = "男" if int(body[16]) % 2 else "女"
            person = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
            phone = "1" + rng.choice("3456789") + f"{rng.randrange(10**9):09d}"
            region = code if rng.random() < 0.5 else name
            f.write(f"{person},{resident_id},{gender},{phone},{region},{rng.choice(['城镇', '农村'])},"
                    f"{rng.choice(['在职', '否'])},{rng.choice(OCCUPATIONS)}\r\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
