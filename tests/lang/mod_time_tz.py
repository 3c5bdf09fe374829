# Time zones from TZ: tzset, timezone/altzone/daylight/tzname, localtime and mktime across DST.
import os
import time

for tz in ["UTC", "EST5EDT,M3.2.0,M11.1.0", "CET-1CEST,M3.5.0,M10.5.0/3", "JST-9", "AEST-10AEDT,M10.1.0,M4.1.0/3"]:
    os.environ["TZ"] = tz
    time.tzset()
    print(tz, time.timezone, time.altzone, time.daylight, time.tzname)
    winter = time.localtime(1704067200)   # 2024-01-01 00:00 UTC
    summer = time.localtime(1719792000)   # 2024-07-01 00:00 UTC
    print(" ", winter[:6], winter.tm_isdst, winter.tm_zone, winter.tm_gmtoff)
    print(" ", summer[:6], summer.tm_isdst, summer.tm_zone, summer.tm_gmtoff)
    print(" ", time.mktime(winter), time.mktime(summer), time.strftime("%Z %z", summer))
    print(" ", time.ctime(1704067200))
os.environ["TZ"] = "UTC"
time.tzset()
