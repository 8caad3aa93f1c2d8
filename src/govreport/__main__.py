from govreport.cli import main

raise SystemExit(main())
