# gcstress-every: 100
# importlib.metadata basics on a distribution written at run time (dist-info).
import os, sys, tempfile, shutil
import importlib.metadata as md

tmp = tempfile.mkdtemp()
info = os.path.join(tmp, 'demo_dist-1.2.3.dist-info')
os.makedirs(info)
with open(os.path.join(info, 'METADATA'), 'w') as f:
    f.write('Metadata-Version: 2.1\nName: demo-dist\nVersion: 1.2.3\nSummary: A demo\nRequires-Dist: other (>=1.0)\n')
with open(os.path.join(info, 'entry_points.txt'), 'w') as f:
    f.write('[console_scripts]\ndemo = demo_pkg.cli:main\n')
with open(os.path.join(info, 'RECORD'), 'w') as f:
    f.write('demo_pkg/__init__.py,,\ndemo_dist-1.2.3.dist-info/METADATA,,\n')
sys.path.insert(0, tmp)
print(md.version('demo-dist'), md.metadata('demo-dist')['Summary'], md.requires('demo-dist'))
d = md.distribution('demo_dist')
print(d.metadata['Name'], d.version, sorted(str(f) for f in d.files))
eps = md.entry_points(group='console_scripts')
print([(e.name, e.value) for e in eps if e.name == 'demo'])
try:
    md.version('surely-not-installed-xyz')
except md.PackageNotFoundError as e:
    print('PackageNotFoundError', e)
sys.path.remove(tmp)
shutil.rmtree(tmp)
