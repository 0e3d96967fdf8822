from zist.cli import main

main()
